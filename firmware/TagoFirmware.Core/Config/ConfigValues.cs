namespace TagoFirmware.Config
{
    /// <summary>Values of config keys, one slot per <see cref="ConfigKey.Id"/>, starting at each row's default.</summary>
    public class ConfigValues
    {
        private static readonly ConfigValues s_defaults = new ConfigValues(ConfigKeys.Rows);
        private readonly int[] _numbers;
        private readonly object[] _objects;

        /// <summary>Creates the slots holding every row's default (a scope reads only its own keys).</summary>
        protected ConfigValues()
        {
            _numbers = (int[])s_defaults._numbers.Clone();
            _objects = (object[])s_defaults._objects.Clone();
        }

        private ConfigValues(ConfigKey[] all)
        {
            _numbers = new int[all.Length];
            _objects = new object[all.Length];
            for (int i = 0; i < all.Length; i++)
            {
                _numbers[i] = all[i].DefaultNumber;
                int type = all[i].Type;
                _objects[i] = type == ConfigKey.TextList ? new string[0] : type == ConfigKey.SensorList ? new SensorConfig[0] : (object)all[i].DefaultText;
            }
        }

        /// <summary>A number, choice or pin key's value (a choice as its stored number).</summary>
        public int Int(ConfigKey key) => _numbers[key.Id];

        /// <summary>A bool key's value.</summary>
        public bool Flag(ConfigKey key) => _numbers[key.Id] != 0;

        /// <summary>A string key's value; a choice's name as written.</summary>
        public string Text(ConfigKey key) => (string)_objects[key.Id];

        /// <summary>Sets a number key.</summary>
        public void Set(ConfigKey key, int value) => _numbers[key.Id] = value;

        /// <summary>Sets a bool key.</summary>
        public void Set(ConfigKey key, bool value) => _numbers[key.Id] = value ? 1 : 0;

        /// <summary>Sets a string, string list or sensor list key.</summary>
        public void Set(ConfigKey key, object value) => _objects[key.Id] = value;

        internal object Value(ConfigKey key) => _objects[key.Id];

        /// <summary>A value as the <c>config:</c> lines show it; a secret only as set or not.</summary>
        internal string Show(ConfigKey key)
        {
            int number = _numbers[key.Id];
            switch (key.Type)
            {
                case ConfigKey.Int:
                    return number == -1 && key.Has(ConfigKey.Nullable) ? "none" : (number == 0 && key.Has(ConfigKey.ZeroOff) ? "off" : number.ToString());
                case ConfigKey.Bool:
                    return number != 0 ? "true" : "false";
                case ConfigKey.Tenths:
                    return ConfigText.FormatTenths(number);
                case ConfigKey.Choice:
                    int i = System.Array.IndexOf(key.ChoiceValues, number); // the first of equal numbers
                    return i < 0 ? "none" : key.Choices[i];
                case ConfigKey.TextList:
                    string[] items = (string[])_objects[key.Id];
                    string list = "[";
                    for (int k = 0; k < items.Length; k++)
                    {
                        list += (k > 0 ? "," : string.Empty) + (ConfigText.IsPem(items[k]) ? "PEM(" + items[k].Length + " chars)" : items[k]);
                    }

                    return list + "]";
                default:
                    string text = (string)_objects[key.Id];
                    return !key.Has(ConfigKey.Secret) ? (text == null ? "null" : text) : (text == null || text.Length == 0 ? "(not set)" : "(set, hidden)");
            }
        }
    }
}
