using System;
using System.IO;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TagoFirmware.Host.Tests.IlCount
{
    /// <summary>
    /// Builds a small assembly whose methods are written instruction by instruction, so that the counts the tests
    /// expect are worked out by hand from exactly this IL (no compiler in between). Block sizes are in the comments.
    /// </summary>
    internal static class IlSamples
    {
        public const string TypeName = "IlSamples.Methods";

        /// <summary>Writes the assembly to a fresh temporary directory and returns its path.</summary>
        public static string Write()
        {
            string directory = Path.Combine(Path.GetTempPath(), "ilcount-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, "IlSamples.dll");
            using AssemblyDefinition assembly = AssemblyDefinition.CreateAssembly(
                new AssemblyNameDefinition("IlSamples", new Version(1, 0)), "IlSamples.dll", ModuleKind.Dll);
            ModuleDefinition module = assembly.MainModule;
            TypeReference int32 = module.ImportReference(typeof(int));
            var type = new TypeDefinition("IlSamples", "Methods", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed,
                module.ImportReference(typeof(object)));
            module.Types.Add(type);
            MethodDefinition loop = Loop(module, int32);
            type.Methods.Add(loop);
            type.Methods.Add(Calls(module, int32, loop));
            type.Methods.Add(Allocate(module));
            type.Methods.Add(Switch(module, int32));
            assembly.Write(path);
            return path;
        }

        private static MethodDefinition Method(ModuleDefinition module, string name, TypeReference returns) =>
            new MethodDefinition(name, MethodAttributes.Public | MethodAttributes.Static, returns ?? module.ImportReference(typeof(void)));

        /// <summary>int Loop(int n): the sum of 0 … n-1. Blocks 5 + 8 per pass + 3 per test (n + 1 tests) + 2 = 11n + 10.</summary>
        private static MethodDefinition Loop(ModuleDefinition module, TypeReference int32)
        {
            MethodDefinition m = Method(module, "Loop", int32);
            m.Parameters.Add(new ParameterDefinition("n", ParameterAttributes.None, int32));
            m.Body.Variables.Add(new VariableDefinition(int32));
            m.Body.Variables.Add(new VariableDefinition(int32));
            ILProcessor il = m.Body.GetILProcessor();
            Instruction body = il.Create(OpCodes.Ldloc_0);
            Instruction test = il.Create(OpCodes.Ldloc_1);
            il.Emit(OpCodes.Ldc_I4_0);         // block 1 (5): sum = 0, i = 0, jump to the test
            il.Emit(OpCodes.Stloc_0);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Stloc_1);
            il.Emit(OpCodes.Br, test);
            il.Append(body);                   // block 2 (8): sum += i; i++
            il.Emit(OpCodes.Ldloc_1);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc_0);
            il.Emit(OpCodes.Ldloc_1);
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc_1);
            il.Append(test);                   // block 3 (3): i < n
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Blt, body);
            il.Emit(OpCodes.Ldloc_0);          // block 4 (2): return sum
            il.Emit(OpCodes.Ret);
            return m;
        }

        /// <summary>int Calls(): Loop(3) + Math.Abs(-5) = 8. One block of 6, plus Loop(3)'s 43; two calls, one to the BCL.</summary>
        private static MethodDefinition Calls(ModuleDefinition module, TypeReference int32, MethodDefinition loop)
        {
            MethodDefinition m = Method(module, "Calls", int32);
            ILProcessor il = m.Body.GetILProcessor();
            il.Emit(OpCodes.Ldc_I4_3);
            il.Emit(OpCodes.Call, loop);
            il.Emit(OpCodes.Ldc_I4, -5);
            il.Emit(OpCodes.Call, module.ImportReference(typeof(Math).GetMethod(nameof(Math.Abs), new[] { typeof(int) })));
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ret);
            return m;
        }

        /// <summary>
        /// void Allocate(): new int[4], new object(), box 7, new DateTime(0L). One block of 12; three allocations (the
        /// DateTime is a value type); two calls, both constructors in the BCL.
        /// </summary>
        private static MethodDefinition Allocate(ModuleDefinition module)
        {
            MethodDefinition m = Method(module, "Allocate", null);
            ILProcessor il = m.Body.GetILProcessor();
            il.Emit(OpCodes.Ldc_I4_4);
            il.Emit(OpCodes.Newarr, module.ImportReference(typeof(int)));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Newobj, module.ImportReference(typeof(object).GetConstructor(Type.EmptyTypes)));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ldc_I4_7);
            il.Emit(OpCodes.Box, module.ImportReference(typeof(int)));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ldc_I8, 0L);
            il.Emit(OpCodes.Newobj, module.ImportReference(typeof(DateTime).GetConstructor(new[] { typeof(long) })));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ret);
            return m;
        }

        /// <summary>
        /// int Switch(int k): r = 0; try { try { switch (k) { case 0: r = 10; case 1: throw new Exception(); default: r = 30; } }
        /// catch (Exception) { r = 20; } } finally { r++; } return r. Blocks: entry 2, switch 2, fall-through branch 1,
        /// case 0 3, case 1 2, default 3, catch 4, finally 5, exit 2. k = 0: 14 (returns 11); k = 1: 17 (returns 21,
        /// one BCL call and one allocation); k = 2: 15 (returns 31).
        /// </summary>
        private static MethodDefinition Switch(ModuleDefinition module, TypeReference int32)
        {
            MethodDefinition m = Method(module, "Switch", int32);
            m.Parameters.Add(new ParameterDefinition("k", ParameterAttributes.None, int32));
            m.Body.Variables.Add(new VariableDefinition(int32));
            ILProcessor il = m.Body.GetILProcessor();
            Instruction tryStart = il.Create(OpCodes.Ldarg_0);
            Instruction case0 = il.Create(OpCodes.Ldc_I4, 10);
            Instruction case1 = il.Create(OpCodes.Newobj, module.ImportReference(typeof(Exception).GetConstructor(Type.EmptyTypes)));
            Instruction fallback = il.Create(OpCodes.Ldc_I4, 30);
            Instruction catchStart = il.Create(OpCodes.Pop);
            Instruction finallyStart = il.Create(OpCodes.Ldloc_0);
            Instruction exit = il.Create(OpCodes.Ldloc_0);
            il.Emit(OpCodes.Ldc_I4_0);          // entry (2)
            il.Emit(OpCodes.Stloc_0);
            il.Append(tryStart);                // switch (2)
            il.Emit(OpCodes.Switch, new[] { case0, case1 });
            il.Emit(OpCodes.Br, fallback);      // fall-through branch (1)
            il.Append(case0);                   // case 0 (3)
            il.Emit(OpCodes.Stloc_0);
            il.Emit(OpCodes.Leave, exit);
            il.Append(case1);                   // case 1 (2)
            il.Emit(OpCodes.Throw);
            il.Append(fallback);                // default (3)
            il.Emit(OpCodes.Stloc_0);
            il.Emit(OpCodes.Leave, exit);
            il.Append(catchStart);              // catch (4)
            il.Emit(OpCodes.Ldc_I4, 20);
            il.Emit(OpCodes.Stloc_0);
            il.Emit(OpCodes.Leave, exit);
            il.Append(finallyStart);            // finally (5)
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc_0);
            il.Emit(OpCodes.Endfinally);
            il.Append(exit);                    // exit (2)
            il.Emit(OpCodes.Ret);
            m.Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Catch)
            {
                TryStart = tryStart, TryEnd = catchStart, HandlerStart = catchStart, HandlerEnd = finallyStart,
                CatchType = module.ImportReference(typeof(Exception)),
            });
            m.Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
            {
                TryStart = tryStart, TryEnd = finallyStart, HandlerStart = finallyStart, HandlerEnd = exit,
            });
            return m;
        }
    }
}
