using System.Diagnostics;
using System.Text;

namespace TagoFirmware.Gates.Tests.Infrastructure
{
    /// <summary>Runs a command to completion and captures its output (for `dotnet build` of a missing gate project).</summary>
    public static class ProcessRunner
    {
        /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
        /// <returns>The exit code and the combined standard output and error.</returns>
        public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, params string[] arguments)
        {
            var info = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }
    }
}
