using System;
using TagoFirmware.Session;

namespace TagoFirmware.Tests.Session
{
    /// <summary>An application layer whose every callback throws (a bug the supervisor must survive).</summary>
    public class StubThrowingListener : ISessionListener
    {
        public void OnOnline()
        {
            throw new InvalidOperationException("online");
        }

        public void OnOffline()
        {
            throw new InvalidOperationException("offline");
        }

        public void OnPublishAcked(int messageId)
        {
            throw new InvalidOperationException("acked");
        }

        public void OnPublishLost(int messageId)
        {
            throw new InvalidOperationException("lost");
        }

        public void OnMessageReceived(string topic, byte[] payload)
        {
            throw new InvalidOperationException("message");
        }

        public void OnRebootPending(RebootReason reason)
        {
            throw new InvalidOperationException("reboot");
        }

        public void OnStep(long nowMs)
        {
            throw new InvalidOperationException("step");
        }
    }
}
