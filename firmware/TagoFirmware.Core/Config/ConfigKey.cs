namespace TagoFirmware.Config
{
    /// <summary>One row of the config table (<see cref="ConfigKeys"/>): a key's place, JSON type, range, default and flags; descriptions live in host-only code.</summary>
    public sealed class ConfigKey
    {
        /// <summary>Flag: an error when absent (for the token and the SSID, unless the caller supplies them).</summary>
        public const int Required = 1;

        /// <summary>Flag: a secret, never logged nor echoed in messages.</summary>
        public const int Secret = 2;

        /// <summary>Flag: JSON null is allowed (numbers: "none", stored as -1).</summary>
        public const int Nullable = 4;

        /// <summary>Flag: 0 is allowed besides <see cref="Min"/>…<see cref="Max"/> and switches the feature off.</summary>
        public const int ZeroOff = 8;

        internal ConfigKey(int id, ConfigKey group, string name, ConfigType type, int flags, int min, int max, int number, string text,
            string unit, string[] choices, int[] values)
        {
            Id = id;
            Group = group;
            Name = name;
            Path = group == null ? name : group.Path + (group.Type == ConfigType.SensorList ? "[]." : ".") + name;
            NameBytes = TagoFirmware.Payload.TagoUtf8.GetBytes(name);
            Label = " " + name + "=";
            Type = type;
            Min = min;
            Max = max;
            DefaultNumber = number;
            DefaultText = text;
            Unit = unit;
            Choices = choices;
            ChoiceValues = values;
            Flags = flags;
            InSensor = group != null && (group.Type == ConfigType.SensorList || group.InSensor);
        }

        /// <summary>Index of the row in <see cref="ConfigKeys.Rows"/> and of its value in a config.</summary>
        public readonly int Id;

        /// <summary>The group holding the key; null at the root.</summary>
        public readonly ConfigKey Group;

        /// <summary>The JSON member name, e.g. <c>port</c>.</summary>
        public readonly string Name;

        /// <summary>The full path, e.g. <c>mqtt.port</c> or <c>sensors[].model</c>.</summary>
        public readonly string Path;

        /// <summary>The JSON type.</summary>
        public readonly ConfigType Type;

        /// <summary>Smallest allowed number (tenths for <see cref="ConfigType.Tenths"/>); for a sensor list the fewest items.</summary>
        public readonly int Min;

        /// <summary>Largest allowed number; for a sensor list the most items.</summary>
        public readonly int Max;

        /// <summary>Default of a number, bool (1/0) or choice (its number).</summary>
        public readonly int DefaultNumber;

        /// <summary>Default of a string key.</summary>
        public readonly string DefaultText;

        /// <summary>Unit of a number as shown after it in messages, e.g. <c>" s"</c>; empty for none.</summary>
        public readonly string Unit;

        /// <summary>The names a choice accepts (lowercase; the file's value is compared case-insensitively).</summary>
        public readonly string[] Choices;

        /// <summary>The stored number of each of <see cref="Choices"/>.</summary>
        public readonly int[] ChoiceValues;

        /// <summary><see cref="Required"/>, <see cref="Secret"/>, <see cref="Nullable"/>, <see cref="ZeroOff"/>.</summary>
        public readonly int Flags;

        /// <summary>True for the keys of one item of the sensors array.</summary>
        public readonly bool InSensor;

        /// <summary>The name as ASCII bytes, compared with the file's keys without decoding them.</summary>
        internal readonly byte[] NameBytes;

        /// <summary><c>" name="</c>, as the <c>config:</c> lines show the key.</summary>
        internal readonly string Label;

        /// <summary>The first key inside this group (rows are linked so a lookup walks only one group).</summary>
        internal ConfigKey First;

        /// <summary>The next key of the same group.</summary>
        internal ConfigKey Next;

        /// <summary>True when <paramref name="flag"/> is set.</summary>
        public bool Has(int flag) => (Flags & flag) != 0;
    }
}
