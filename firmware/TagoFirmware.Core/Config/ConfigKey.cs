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


        internal readonly int Id;
        internal readonly string Name;
        internal readonly int Flags;
        internal readonly bool InSensor; // a key of one item of the sensors array
        internal readonly byte[] NameBytes; // compared with the file's keys without decoding them
        internal readonly string Label; // " name=", as the config: lines show the key
        internal ConfigKey First; // the first key of this group: a lookup walks only one group
        internal ConfigKey Next; // the next key of the same group

        /// <summary>The choices as messages list them: <c>a, b or c</c>.</summary>
        internal string ChoiceList()
        {
            string list = Choices[0];
            for (int i = 1; i < Choices.Length; i++)
            {
                list += (i == Choices.Length - 1 ? " or " : ", ") + Choices[i];
            }

            return list;
        }

        /// <summary>True when <paramref name="flag"/> is set.</summary>
        public bool Has(int flag) => (Flags & flag) != 0;
    }
}
