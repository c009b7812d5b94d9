using System;
using System.IO;

namespace nanoFramework.Json
{
    /// <summary>Surface of nanoFramework.Json's <c>JsonConvert</c> (no generics: cast the result).</summary>
    public static class JsonConvert
    {
        /// <summary>Serialises public properties (order not guaranteed).</summary>
        public static string SerializeObject(object oSource) => throw null;

        /// <summary>Deserialises a string into <paramref name="type"/>.</summary>
        public static object DeserializeObject(string value, Type type) => throw null;

        /// <summary>Deserialises a string into <paramref name="type"/>.</summary>
        public static object DeserializeObject(string value, Type type, JsonSerializerOptions options) => throw null;

        /// <summary>Deserialises a stream into <paramref name="type"/>.</summary>
        public static object DeserializeObject(Stream stream, Type type) => throw null;

        /// <summary>Deserialises a stream into <paramref name="type"/>.</summary>
        public static object DeserializeObject(Stream stream, Type type, JsonSerializerOptions options) => throw null;

        /// <summary>Deserialises a reader into <paramref name="type"/>.</summary>
        public static object DeserializeObject(StreamReader streamReader, Type type) => throw null;

        /// <summary>Deserialises a reader into <paramref name="type"/>.</summary>
        public static object DeserializeObject(StreamReader streamReader, Type type, JsonSerializerOptions options) => throw null;
    }
}
