using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each class starts its own mosquitto on its own port, so classes may run side by side; two workers keep the
// 2-core machine from being oversubscribed (timing assertions have margins for that).
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]
