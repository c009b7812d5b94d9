using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Json;

namespace TagoFirmware.Host.Tests.Json
{
    /// <summary>
    /// The reader allocates nothing while reading, comparing names, and converting integers and tenths; only
    /// <see cref="JsonReader.GetString"/> allocates.
    /// </summary>
    [TestClass]
    public class JsonReaderAllocationTests
    {
        private static readonly byte[] s_doc = Encoding.UTF8.GetBytes(
            "[{\"variable\":\"interval\",\"value\":60},{\"variable\":\"b\\u0061tch\",\"value\":25.5,\"x\":[true,false,null,-1e3]}]");

        private static readonly byte[] s_interval = Encoding.UTF8.GetBytes("interval");
        private static readonly byte[] s_batch = Encoding.UTF8.GetBytes("batch");
        private static readonly byte[] s_x = Encoding.UTF8.GetBytes("x");

        private static int Walk(JsonReader r)
        {
            int hits = 0;
            while (r.Read())
            {
                if (r.Token == JsonToken.String && (r.ValueEquals(s_interval) || r.ValueEquals(s_batch)))
                {
                    hits++;
                }

                if (r.Token == JsonToken.Number && r.TryGetInt64(out long l) && l == 60)
                {
                    hits++;
                }

                if (r.Token == JsonToken.Number && r.TryGetTenths(out int d) && d == 255)
                {
                    hits++;
                }

                if (r.Token == JsonToken.PropertyName && r.ValueEquals(s_x))
                {
                    r.Skip();
                }
            }

            return hits;
        }

        [TestMethod]
        public void Reading_comparing_and_converting_numbers_allocates_nothing()
        {
            JsonReader warm = new JsonReader(s_doc, 0, s_doc.Length, 64);
            Assert.AreEqual(4, Walk(warm)); // interval, 60, batch, 25.5 (the array holding -1e3 is skipped)
            Assert.IsTrue(warm.Error == JsonError.None);

            JsonReader r = new JsonReader(s_doc, 0, s_doc.Length, 64);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int hits = Walk(r);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.AreEqual(4, hits);
            Assert.AreEqual(0L, after - before, "bytes allocated while reading");
        }

        [TestMethod]
        public void Reading_malformed_input_allocates_nothing()
        {
            byte[] bad = Encoding.UTF8.GetBytes("{\"a\":[1,2,{\"b\":\"\\q\"}]}");
            new JsonReader(bad, 0, bad.Length, 64).Read();
            JsonReader r = new JsonReader(bad, 0, bad.Length, 64);
            long before = GC.GetAllocatedBytesForCurrentThread();
            while (r.Read())
            {
            }

            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.AreEqual(JsonError.InvalidEscape, r.Error);
            Assert.AreEqual(0L, after - before);
        }
    }
}
