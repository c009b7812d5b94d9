using Microsoft.VisualStudio.TestTools.UnitTesting;

// Host-only tests share no state between classes, so classes may run in parallel on the 2-core CI machine.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
