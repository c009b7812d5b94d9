namespace TagoFirmware.Config
{
    /// <summary>The JSON shape of a <see cref="ConfigKey"/>'s value and how it is stored.</summary>
    public enum ConfigType
    {
        /// <summary>An object holding other keys (<c>wifi</c>, <c>mqtt</c>, …).</summary>
        Group = 0,

        /// <summary>A whole number; with <see cref="ConfigKey.Nullable"/> also null (stored as -1, "none").</summary>
        Int = 1,

        /// <summary><c>true</c> or <c>false</c> (stored as 1 or 0).</summary>
        Bool = 2,

        /// <summary>A string; with <see cref="ConfigKey.Nullable"/> also null.</summary>
        Text = 3,

        /// <summary>A number with at most one significant decimal (stored in tenths).</summary>
        Tenths = 4,

        /// <summary>One of a fixed set of names (stored as the number of the name).</summary>
        Choice = 5,

        /// <summary>An array of strings; a single string or null are accepted as one entry or none.</summary>
        TextList = 6,

        /// <summary>The <c>sensors</c> array of objects.</summary>
        SensorList = 7,
    }
}
