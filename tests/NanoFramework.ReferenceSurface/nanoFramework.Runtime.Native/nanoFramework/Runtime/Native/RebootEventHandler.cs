namespace nanoFramework.Runtime.Native
{
    /// <summary>Handler of <see cref="Power.OnRebootEvent"/>.</summary>
    public delegate void RebootEventHandler();
}
