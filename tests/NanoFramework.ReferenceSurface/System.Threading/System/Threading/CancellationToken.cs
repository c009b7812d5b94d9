namespace System.Threading
{
    /// <summary>Surface of nanoFramework.System.Threading's <c>CancellationToken</c>.</summary>
    public struct CancellationToken
    {
        /// <summary>Creates a token fixed in the given state.</summary>
        public CancellationToken(bool canceled) => throw null;

        /// <summary>A token that is never cancelled.</summary>
        public static CancellationToken None => throw null;

        /// <summary>Whether cancellation was requested.</summary>
        public bool IsCancellationRequested => throw null;

        /// <summary>Whether this token can ever be cancelled.</summary>
        public bool CanBeCanceled => throw null;

        /// <summary>A handle signalled on cancellation.</summary>
        public WaitHandle WaitHandle => throw null;

        /// <summary>Throws when cancellation was requested.</summary>
        public void ThrowIfCancellationRequested() => throw null;
    }
}
