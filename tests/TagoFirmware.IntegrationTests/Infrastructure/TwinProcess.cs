using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>
    /// The host twin as a child process (<c>dotnet TagoFirmware.Host.dll …</c>, the build copied next to the tests), so
    /// a test can kill it with SIGKILL the way a power cut kills a board, and start it again over the same data
    /// directory. Output lines are collected as they come.
    /// </summary>
    public sealed class TwinProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();

        private TwinProcess(Process process)
        {
            _process = process;
        }

        /// <summary>Process id.</summary>
        public int Id => _process.Id;

        /// <summary>True until the process exits.</summary>
        public bool IsRunning => !_process.HasExited;

        /// <summary>Exit code (valid after exit).</summary>
        public int ExitCode => _process.ExitCode;

        /// <summary>Standard output and error so far.</summary>
        public string Output
        {
            get
            {
                var text = new StringBuilder();
                foreach (string line in _lines)
                {
                    text.Append(line).Append('\n');
                }

                return text.ToString();
            }
        }

        /// <summary>Starts the twin with <paramref name="args"/> (the token goes through TAGO_DEVICE_TOKEN, never argv).</summary>
        /// <param name="token">Device token, or null.</param>
        /// <param name="args">Command-line arguments.</param>
        /// <returns>The running process.</returns>
        public static TwinProcess Start(string token, params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "TagoFirmware.Host.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                RedirectStandardInput = true,
            };
            start.ArgumentList.Add(dll);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            if (token != null)
            {
                start.Environment["TAGO_DEVICE_TOKEN"] = token;
            }

            var twin = new TwinProcess(Process.Start(start));
            twin._process.OutputDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    twin._lines.Enqueue(e.Data);
                }
            };
            twin._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    twin._lines.Enqueue("stderr: " + e.Data);
                }
            };
            twin._process.BeginOutputReadLine();
            twin._process.BeginErrorReadLine();
            return twin;
        }

        /// <summary>Writes one line to the twin's stdin (a downlink command such as <c>interval=30</c>).</summary>
        /// <param name="line">The line.</param>
        public void SendLine(string line)
        {
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }

        /// <summary>Sends SIGTERM (what systemd or docker stop send).</summary>
        public void Terminate()
        {
            using Process kill = Process.Start("kill", new[] { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            kill.WaitForExit(5000);
        }

        /// <summary>Kills the process with SIGKILL (no flush, no graceful disconnect: a power cut).</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(); // SIGKILL on Linux
                _process.WaitForExit(10000);
            }
        }

        /// <summary>Waits for the exit.</summary>
        /// <param name="timeout">Upper bound.</param>
        /// <returns>True when it exited.</returns>
        public async Task<bool> WaitForExitAsync(TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!_process.HasExited && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }

            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the output pipes
            }

            return _process.HasExited;
        }

        /// <summary>Kills the process if it still runs.</summary>
        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
