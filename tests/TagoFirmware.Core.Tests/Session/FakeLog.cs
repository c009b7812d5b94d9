using System.Collections;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    /// <summary>Captures every log line so tests can assert on markers and on the absence of secrets.</summary>
    public class FakeLog : ILog
    {
        public readonly ArrayList Lines = new ArrayList();
        public readonly ArrayList Levels = new ArrayList();

        public void Write(LogLevel level, string message)
        {
            Lines.Add(message);
            Levels.Add(level);
        }

        /// <summary>How many lines contain <paramref name="marker"/>.</summary>
        public int CountContaining(string marker)
        {
            int n = 0;
            for (int i = 0; i < Lines.Count; i++)
            {
                if (((string)Lines[i]).IndexOf(marker) >= 0)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The first line containing any of the markers, or null.</summary>
        public string FirstContaining(string marker)
        {
            for (int i = 0; i < Lines.Count; i++)
            {
                if (((string)Lines[i]).IndexOf(marker) >= 0)
                {
                    return (string)Lines[i];
                }
            }

            return null;
        }
    }
}
