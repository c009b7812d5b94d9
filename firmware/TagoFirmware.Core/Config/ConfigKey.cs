namespace TagoFirmware.Config
{
    /// <summary>One row of the config table (<see cref="ConfigKeys"/>): a key's place, JSON type, range, default and flags; descriptions live in host-only code.</summary>
    public sealed class ConfigKey
    {
        /// <summary>Type: an object holding other keys (<c>wifi</c>, <c>mqtt</c>, ...).</summary>
        public const int Group = 0;

        /// <summary>Type: a whole number; with <see cref="Nullable"/> also null (stored as -1, "none").</summary>
        public const int Int = 1;

        /// <summary>Type: <c>true</c> or <c>false</c> (stored as 1 or 0).</summary>
        public const int Bool = 2;

        /// <summary>Type: a string; with <see cref="Nullable"/> also null.</summary>
        public const int Text = 3;

        /// <summary>Type: a number with at most one significant decimal (stored in tenths).</summary>
        public const int Tenths = 4;

        /// <summary>Type: one of a fixed set of names (stored as the number of the name).</summary>
        public const int Choice = 5;

        /// <summary>Type: an array of strings; a single string or null are accepted as one entry or none.</summary>
        public const int TextList = 6;

        /// <summary>Type: the <c>sensors</c> array of objects.</summary>
        public const int SensorList = 7;

        /// <summary>Flag: an error when absent (for the token and the SSID, unless the caller supplies them).</summary>
        public const int Required = 1;

        /// <summary>Flag: a secret, never logged nor echoed in messages.</summary>
        public const int Secret = 2;

        /// <summary>Flag: JSON null is allowed (numbers: "none", stored as -1).</summary>
        public const int Nullable = 4;

        /// <summary>Flag: 0 is allowed besides <see cref="Min"/>…<see cref="Max"/> and switches the feature off.</summary>
        public const int ZeroOff = 8;

        internal const int OwnRule = 32; // the validator checks the range: pins, the interval, the TTL, the backlog

        internal const int Top = 16; // a root row after a group's rows
        private static ConfigKey s_group; // the group of the rows that follow
        private static ConfigKey s_lastRoot;
        private static int s_count;

        /// <summary>Adds a row to <see cref="ConfigKeys.Rows"/>, in the last group declared before it; a group, the sensor list and a <see cref="Top"/> row are at the root.</summary>
        internal ConfigKey(string name, int type, int flags, int min, int max, int number, string text, string unit, string[] choices, int[] values)
        {
            bool opens = type == Group || type == SensorList;
            ConfigKey group = opens || (flags & Top) != 0 ? null : s_group;
            ConfigKey last = group == null ? s_lastRoot : ConfigKeys.Rows[s_count - 1]; // a group's rows follow it
            Id = s_count++;
            Name = name;
            Path = group == null ? name : group.Path + (group.Type == SensorList ? "[]." : ".") + name;
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
            InSensor = group != null && (group.Type == SensorList || group.InSensor);
            if (last != null && last == group)
            {
                group.First = this;
            }
            else if (last != null)
            {
                last.Next = this;
            }

            ConfigKeys.Rows[Id] = this;
            s_group = opens ? this : group;
            s_lastRoot = group == null ? this : s_lastRoot;
        }

        /// <summary>The row's index in <see cref="ConfigKeys.Rows"/>.</summary>
        public readonly int Id;

        /// <summary>The full path, e.g. <c>mqtt.port</c> or <c>sensors[].model</c>.</summary>
        public readonly string Path;

        /// <summary>The JSON type: <see cref="Group"/>, <see cref="Int"/>, ...</summary>
        public readonly int Type;

        /// <summary>Smallest allowed number (tenths for <see cref="Tenths"/>); for a sensor list the fewest items.</summary>
        public readonly int Min;

        /// <summary>Largest allowed number; for a sensor list the most items.</summary>
        public readonly int Max;

        /// <summary>Default of a number, bool (1/0) or choice (its number).</summary>
        public readonly int DefaultNumber;

        /// <summary>Default of a string key.</summary>
        public readonly string DefaultText;

        /// <summary>Unit of a number as shown after it in messages, e.g. <c>" s"</c>; null for none.</summary>
        public readonly string Unit;

        /// <summary>The names a choice accepts (lowercase; the file's value is compared case-insensitively).</summary>
        public readonly string[] Choices;

        internal readonly int[] ChoiceValues; // the stored number of each choice
        internal readonly string Name;
        internal readonly int Flags;
        internal readonly bool InSensor; // a key of one item of the sensors array
        internal readonly byte[] NameBytes; // compared with the file's keys without decoding them
        internal readonly string Label; // " name=", as the config: lines show the key
        internal ConfigKey First; // the first key of this group: a lookup walks only one group
        internal ConfigKey Next; // the next key of the same group

        internal string ChoiceList()
        {
            string list = Choices[0];
            for (int i = 1; i < Choices.Length; i++)
            {
                list += (i == Choices.Length - 1 ? " or " : ", ") + Choices[i];
            }

            return list;
        }

        /// <summary>"must be between min and max unit; got value", or null when in range, 0 of a <see cref="ZeroOff"/> key or already reported by the parser.</summary>
        internal string RangeProblem(int value, int min, int max) => (value >= min && value <= max) || value == NodeConfigParser.ReportedInvalid || (value == 0 && Has(ZeroOff)) ? null
            : "must be between " + Format(min) + " and " + Format(max) + Unit + "; got " + Format(value);

        private string Format(int n) => Type == Tenths ? ConfigText.FormatTenths(n) : n.ToString();

        /// <summary>True when <paramref name="flag"/> is set.</summary>
        public bool Has(int flag) => (Flags & flag) != 0;
    }
}
