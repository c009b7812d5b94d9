using System;
using System.IO;
using System.Text.RegularExpressions;

namespace TagoFirmware.Gates.Tests.Infrastructure
{
    /// <summary>Where things are: the repository root, the device build outputs and the nanoFramework mscorlib.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(FindRoot);

        /// <summary>The repository root: the nearest folder above the test binaries holding TagoFirmware.sln or .git.</summary>
        public static string Root => s_root.Value;

        /// <summary>Where the device gate builds put their assemblies (build/NanoDevice.props: artifacts/device/&lt;project&gt;/).</summary>
        public static string DeviceArtifacts => Path.Combine(Root, "artifacts", "device");

        /// <summary>The nanoFramework.CoreLibrary version every device build is checked against (Directory.Build.props).</summary>
        public static string CoreLibraryVersion
        {
            get
            {
                string props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
                var match = Regex.Match(props, @"<NanoCoreLibraryVersion>([^<]+)</NanoCoreLibraryVersion>");
                if (!match.Success)
                {
                    throw new InvalidOperationException("Directory.Build.props does not set NanoCoreLibraryVersion");
                }

                return match.Groups[1].Value.Trim();
            }
        }

        /// <summary>The folder of the restored nanoFramework.CoreLibrary package's lib/ (mscorlib.dll).</summary>
        public static string CoreLibraryLibDirectory
        {
            get
            {
                string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
                if (string.IsNullOrEmpty(packages))
                {
                    packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
                }

                return Path.Combine(packages, "nanoframework.corelibrary", CoreLibraryVersion, "lib");
            }
        }

        /// <summary>The nanoFramework mscorlib.dll (restored by any device build).</summary>
        public static string MscorlibPath => Path.Combine(CoreLibraryLibDirectory, "mscorlib.dll");

        /// <summary>Converts a path relative to the root (either separator) to an absolute one.</summary>
        public static string FromRoot(string relative) => Path.GetFullPath(Path.Combine(Root, relative.Replace('\\', '/')));

        /// <summary>A path relative to the root with forward slashes, for messages.</summary>
        public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TagoFirmware.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git"))
                    || File.Exists(Path.Combine(dir.FullName, ".git")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("No TagoFirmware.sln or .git above " + AppContext.BaseDirectory);
        }
    }
}
