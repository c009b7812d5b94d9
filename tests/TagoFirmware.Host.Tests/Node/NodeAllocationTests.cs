using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Tests.Session;
using TagoFirmware.Node;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Node
{
    /// <summary>
    /// The node's steady state (sample → queue → payload → publish → ack, diagnostics included) allocates nothing but
    /// the one exact-length payload array per publish.
    /// </summary>
    [TestClass]
    public sealed class NodeAllocationTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(10)]
        [DataRow(50)]
        public void After_warm_up_the_node_allocates_only_one_payload_array_per_publish(int batch)
        {
            FleetSimulation.SimClock clock = new FleetSimulation.SimClock();
            MeasuringMqttLink link = new MeasuringMqttLink(new FleetSimulation.SimMqttLink(new FleetSimulation.SimBroker()) { Clock = clock });
            NodeConfig config = new NodeConfig();
            config.Set(ConfigKeys.Token, "alloc-token");
            config.Set(ConfigKeys.SamplingInterval, 12);
            config.Set(ConfigKeys.SamplingBatch, batch);
            config.Set(ConfigKeys.SamplingBatchInterval, 1);
            config.Set(ConfigKeys.QueuePersist, false);
            config.Set(ConfigKeys.DiagnosticsEvery, 5);
            config.Sensors = new[] { Dht22("a", "_1", true), Dht22("b", "_2", false) };
            NodePorts ports = new NodePorts
            {
                Clock = clock,
                Network = new FleetSimulation.StubNetworkUp(),
                Mqtt = link,
                Random = new SeededRandomSource(7),
                Sensors = new ITemperatureHumiditySensor[] { new WavySensor(), new WavySensor() },
            };
            SensorNode node = new SensorNode(config, null, "tago-000000000001", ports);
            node.Start(0);

            long now = 0;
            for (int i = 0; i < 6000; i++)
            {
                now += 100;
                clock.NowMs = now;
                node.Step(now);
            }

            Assert.IsTrue(node.Publisher.PayloadsAcked > 10);
            int readingsBefore = node.Sampler.ReadingsQueued;
            int ackedBefore = node.Publisher.PayloadsAcked;
            link.ArrayBytes = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 36000; i++)
            {
                now += 100;
                clock.NowMs = now;
                node.Step(now);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            int readings = node.Sampler.ReadingsQueued - readingsBefore;
            Assert.IsTrue(readings >= 1400, $"{readings} readings in an hour");
            Assert.IsTrue(node.Publisher.PayloadsAcked - ackedBefore >= readings / batch / 2);
            Assert.AreEqual(0, node.Diagnostics.SensorErrors);
            long residual = allocated - link.ArrayBytes;
            Assert.IsTrue(residual >= 0 && residual <= 512,
                $"{allocated} bytes allocated for {readings} readings, {link.ArrayBytes} of them payload arrays: residual {residual}");
        }

        /// <summary>Passes everything to the simulated link and adds up the size of each published array on the heap.</summary>
        private sealed class MeasuringMqttLink : IMqttLink
        {
            private readonly IMqttLink _inner;

            public MeasuringMqttLink(IMqttLink inner)
            {
                _inner = inner;
            }

            public long ArrayBytes;

            public System.Threading.WaitHandle Arrived => _inner.Arrived;

            public bool IsConnected => _inner.IsConnected;

            public bool BeginConnect(SessionOptions request) => _inner.BeginConnect(request);

            public int Publish(string topic, byte[] payload, int qos)
            {
                // A byte[] on 64-bit .NET: 8-byte header, 8-byte method table pointer, 8-byte length, data rounded up to 8.
                ArrayBytes += 24 + ((payload.Length + 7) & ~7);
                return _inner.Publish(topic, payload, qos);
            }

            public int Subscribe(string topicFilter, int qos) => _inner.Subscribe(topicFilter, qos);

            public void Disconnect() => _inner.Disconnect();

            public void Close() => _inner.Close();

            public bool TryTakeEvent(LinkEvent into) => _inner.TryTakeEvent(into);
        }

        /// <summary>A sensor whose values wander without allocating (no script parsing).</summary>
        private sealed class WavySensor : ITemperatureHumiditySensor
        {
            private int _k;

            public bool TryRead(out double celsius, out double percent)
            {
                _k++;
                celsius = 20.0 + ((_k % 7) * 0.1);
                percent = 40.0 + ((_k % 5) * 0.1);
                return true;
            }

            public void Reset()
            {
            }
        }

        private static SensorConfig Dht22(string name, string suffix, bool dewPoint)
        {
            SensorConfig s = new SensorConfig { Model = TagoFirmware.Sensors.SensorModel.Dht22, ModelName = "dht22" };
            s.Set(ConfigKeys.SensorName, name);
            s.Set(ConfigKeys.SensorSuffix, suffix);
            s.Set(ConfigKeys.SensorDewPoint, dewPoint);
            return s;
        }
    }
}
