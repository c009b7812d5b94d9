using Microsoft.VisualStudio.TestTools.UnitTesting;

// Every test starts its own mosquitto (or embedded broker) on its own port, so tests run side by side at method level:
// the 120 s store-and-forward run then overlaps the short tests instead of adding to them. Three workers: most of
// the time is spent waiting on timers and the network, and timing assertions have margins for a shared 2-core
// machine. Tests that measure process-wide state are marked [DoNotParallelize].
[assembly: Parallelize(Workers = 3, Scope = ExecutionScope.MethodLevel)]
