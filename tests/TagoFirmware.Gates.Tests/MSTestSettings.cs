using Microsoft.VisualStudio.TestTools.UnitTesting;

// The gate classes share only lazily built, lock-protected state (fixture compiler, device builds), so classes may
// run in parallel on the 2-core CI machine.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
