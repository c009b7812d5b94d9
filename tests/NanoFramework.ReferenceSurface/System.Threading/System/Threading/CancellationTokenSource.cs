namespace System.Threading
{
    /// <summary>Surface of nanoFramework.System.Threading's <c>CancellationTokenSource</c>.</summary>
    public class CancellationTokenSource : IDisposable
    {
        /// <summary>Creates a source that is cancelled only by <see cref="Cancel()"/>.</summary>
        public CancellationTokenSource() => throw null;

        /// <summary>Creates a source that cancels itself after <paramref name="millisecondsDelay"/> ms.</summary>
        public CancellationTokenSource(int millisecondsDelay) => throw null;

        /// <summary>Creates a source that cancels itself after <paramref name="delay"/>.</summary>
        public CancellationTokenSource(TimeSpan delay) => throw null;

        /// <summary>Whether cancellation was requested.</summary>
        public bool IsCancellationRequested => throw null;

        /// <summary>The token controlled by this source.</summary>
        public CancellationToken Token => throw null;

        /// <summary>Requests cancellation.</summary>
        public void Cancel() => throw null;

        /// <summary>Requests cancellation.</summary>
        public void Cancel(bool throwOnFirstException) => throw null;

        /// <summary>Schedules cancellation after <paramref name="millisecondsDelay"/> ms.</summary>
        public void CancelAfter(int millisecondsDelay) => throw null;

        /// <summary>Schedules cancellation after <paramref name="delay"/>.</summary>
        public void CancelAfter(TimeSpan delay) => throw null;

        /// <summary>Releases the source and its timer.</summary>
        public void Dispose() => throw null;
    }
}
