using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace TagoFirmware.IlCount
{
    /// <summary>
    /// Rewrites a copy of an assembly so that its methods count into <see cref="IlCounters"/>: at the start of every
    /// basic block the block's number of IL instructions (a block is counted whole once entered, as the interpreter
    /// decodes it), before every call site (call, callvirt, calli, newobj) one call, and before every newobj of a
    /// class, newarr and box one allocation. Calls to methods outside the rewritten assemblies are also counted per
    /// call site, which is how BCL calls are listed. The inserted code is stack-neutral and is not counted itself.
    /// </summary>
    public static class IlRewriter
    {
        /// <summary>Rewrites <paramref name="assembly"/> and returns the rewritten image.</summary>
        /// <param name="assembly">The assembly image.</param>
        /// <param name="instrument">Which methods to instrument.</param>
        /// <param name="instrumentedAssemblies">Simple names of every assembly being rewritten: calls into them are not BCL calls.</param>
        /// <param name="searchDirectory">Where the assembly's references are (to tell value types from classes).</param>
        public static byte[] Rewrite(byte[] assembly, Func<MethodDefinition, bool> instrument, ICollection<string> instrumentedAssemblies,
            string searchDirectory)
        {
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location));
            if (searchDirectory != null)
            {
                resolver.AddSearchDirectory(searchDirectory);
            }

            using var input = new MemoryStream(assembly);
            using AssemblyDefinition definition = AssemblyDefinition.ReadAssembly(input, new ReaderParameters { AssemblyResolver = resolver });
            ModuleDefinition module = definition.MainModule;
            MethodReference Import(string name) => module.ImportReference(typeof(IlCounters).GetMethod(name));
            var counters = (Block: Import(nameof(IlCounters.Block)), Call: Import(nameof(IlCounters.Call)),
                External: Import(nameof(IlCounters.External)), Allocation: Import(nameof(IlCounters.Allocation)));
            foreach (TypeDefinition type in module.GetTypes())
            {
                foreach (MethodDefinition method in type.Methods)
                {
                    if (method.HasBody && instrument(method))
                    {
                        Instrument(method, counters, instrumentedAssemblies);
                    }
                }
            }

            using var output = new MemoryStream();
            definition.Write(output);
            return output.ToArray();
        }

        /// <summary>True when <paramref name="method"/> or its type carries <see cref="IlCountedAttribute"/>.</summary>
        public static bool IsMarkedCounted(MethodDefinition method)
        {
            static bool Marked(ICustomAttributeProvider p) =>
                p.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(IlCountedAttribute).FullName);
            for (TypeDefinition t = method.DeclaringType; t != null; t = t.DeclaringType)
            {
                if (Marked(t))
                {
                    return true;
                }
            }

            return Marked(method);
        }

        private static void Instrument(MethodDefinition method,
            (MethodReference Block, MethodReference Call, MethodReference External, MethodReference Allocation) counters,
            ICollection<string> instrumentedAssemblies)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            List<Instruction> original = body.Instructions.ToList();
            Dictionary<Instruction, int> blocks = BlockSizes(body, original);
            int id = IlCounters.RegisterMethod(method.DeclaringType.FullName + "::" + method.Name);
            var map = new Dictionary<Instruction, Instruction>();
            var rewritten = new List<Instruction>();

            // Counting code for one original instruction; a prefix (constrained., tail., volatile. …) must stay
            // right before its instruction, so the code for both goes before the prefix.
            void Emit(Instruction ins, Instruction counted)
            {
                int before = rewritten.Count;
                if (blocks.TryGetValue(ins, out int size))
                {
                    rewritten.Add(Instruction.Create(OpCodes.Ldc_I4, id));
                    rewritten.Add(Instruction.Create(OpCodes.Ldc_I4, size));
                    rewritten.Add(Instruction.Create(OpCodes.Call, counters.Block));
                }

                OpCode op = counted.OpCode;
                if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Calli || op == OpCodes.Newobj)
                {
                    var callee = counted.Operand as MethodReference;
                    if (callee != null && IsExternal(callee, instrumentedAssemblies))
                    {
                        int site = IlCounters.RegisterSite(id, callee.DeclaringType.FullName + "::" + callee.Name);
                        rewritten.Add(Instruction.Create(OpCodes.Ldc_I4, site));
                        rewritten.Add(Instruction.Create(OpCodes.Call, counters.External));
                    }
                    else
                    {
                        rewritten.Add(Instruction.Create(OpCodes.Ldc_I4, id));
                        rewritten.Add(Instruction.Create(OpCodes.Call, counters.Call));
                    }
                }

                if (op == OpCodes.Newarr || op == OpCodes.Box || (op == OpCodes.Newobj && !IsValueType(((MethodReference)counted.Operand).DeclaringType)))
                {
                    rewritten.Add(Instruction.Create(OpCodes.Ldc_I4, id));
                    rewritten.Add(Instruction.Create(OpCodes.Call, counters.Allocation));
                }

                if (rewritten.Count > before)
                {
                    map[ins] = rewritten[before];
                }
            }

            for (int i = 0; i < original.Count; i++)
            {
                Instruction ins = original[i];
                if (ins.OpCode.OpCodeType == OpCodeType.Prefix && i + 1 < original.Count)
                {
                    Emit(ins, original[i + 1]);
                    rewritten.Add(ins);
                    rewritten.Add(original[++i]);
                    continue;
                }

                Emit(ins, ins);
                rewritten.Add(ins);
            }

            Instruction Map(Instruction t) => t != null && map.TryGetValue(t, out Instruction m) ? m : t;
            foreach (Instruction ins in rewritten)
            {
                if (ins.Operand is Instruction target)
                {
                    ins.Operand = Map(target);
                }
                else if (ins.Operand is Instruction[] targets)
                {
                    ins.Operand = targets.Select(Map).ToArray();
                }
            }

            foreach (ExceptionHandler h in body.ExceptionHandlers)
            {
                h.TryStart = Map(h.TryStart);
                h.TryEnd = Map(h.TryEnd);
                h.HandlerStart = Map(h.HandlerStart);
                h.HandlerEnd = Map(h.HandlerEnd);
                h.FilterStart = Map(h.FilterStart);
            }

            body.Instructions.Clear();
            foreach (Instruction ins in rewritten)
            {
                body.Instructions.Add(ins);
            }

            body.OptimizeMacros();
        }

        /// <summary>The leaders of the method's basic blocks with the number of instructions in each block.</summary>
        private static Dictionary<Instruction, int> BlockSizes(MethodBody body, List<Instruction> instructions)
        {
            var leaders = new HashSet<Instruction> { instructions[0] };
            foreach (Instruction ins in instructions)
            {
                if (ins.Operand is Instruction target)
                {
                    leaders.Add(target);
                }
                else if (ins.Operand is Instruction[] targets)
                {
                    leaders.UnionWith(targets);
                }

                FlowControl flow = ins.OpCode.FlowControl;
                if (ins.Next != null && (flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return ||
                    flow == FlowControl.Throw))
                {
                    leaders.Add(ins.Next);
                }
            }

            foreach (ExceptionHandler h in body.ExceptionHandlers)
            {
                foreach (Instruction i in new[] { h.TryStart, h.TryEnd, h.HandlerStart, h.HandlerEnd, h.FilterStart })
                {
                    if (i != null)
                    {
                        leaders.Add(i);
                    }
                }
            }

            var sizes = new Dictionary<Instruction, int>();
            Instruction leader = null;
            foreach (Instruction ins in instructions)
            {
                if (leaders.Contains(ins))
                {
                    leader = ins;
                    sizes[leader] = 0;
                }

                sizes[leader]++;
            }

            return sizes;
        }

        private static bool IsExternal(MethodReference callee, ICollection<string> instrumentedAssemblies) =>
            callee.DeclaringType.Scope switch
            {
                ModuleDefinition => false,
                AssemblyNameReference a => !instrumentedAssemblies.Contains(a.Name),
                _ => true,
            };

        private static bool IsValueType(TypeReference type)
        {
            try
            {
                return type.Resolve()?.IsValueType ?? type.IsValueType;
            }
            catch (AssemblyResolutionException)
            {
                return type.IsValueType;
            }
        }
    }
}
