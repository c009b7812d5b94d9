using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>Surface of Runtime.Native's <c>Rtc</c>.</summary>
    public static class Rtc
    {
        /// <summary>Sets the system clock; false when the platform cannot.</summary>
        public static bool SetSystemTime(DateTime time) => throw null;
    }
}
