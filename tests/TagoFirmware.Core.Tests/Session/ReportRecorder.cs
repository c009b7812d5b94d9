using System.Collections;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    /// <summary>Collects what the supervisor reported after each step, as the node would act on it.</summary>
    public class ReportRecorder
    {
        public int OnlineCount;
        public int OfflineCount;
        public readonly ArrayList Acked = new ArrayList();
        public readonly ArrayList Lost = new ArrayList();
        public readonly ArrayList MessageTopics = new ArrayList();

        /// <summary>Takes one step's report.</summary>
        public void Record(LinkReport report)
        {
            if (report.WentOnline)
            {
                OnlineCount++;
            }

            if (report.WentOffline)
            {
                OfflineCount++;
            }

            for (int i = 0; i < report.AckedCount; i++)
            {
                Acked.Add(report.Acked[i]);
            }

            for (int i = 0; i < report.LostCount; i++)
            {
                Lost.Add(report.Lost[i]);
            }

            for (int i = 0; i < report.MessageCount; i++)
            {
                MessageTopics.Add(report.Topics[i]);
            }
        }
    }
}
