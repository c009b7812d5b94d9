using System.Reflection;
using System.Reflection.Emit;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>The IL opcode table (ECMA-335 III), built from <see cref="OpCodes"/> so operand sizes are never hand-typed.</summary>
    public static class IlOpCodes
    {
        private static readonly OpCode?[] s_oneByte = new OpCode?[0x100];
        private static readonly OpCode?[] s_twoByte = new OpCode?[0x100];

        static IlOpCodes()
        {
            foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var op = (OpCode)field.GetValue(null);
                ushort value = (ushort)op.Value;
                if (op.Size == 1)
                {
                    s_oneByte[value] = op;
                }
                else
                {
                    s_twoByte[value & 0xFF] = op;
                }
            }
        }

        /// <summary>The opcode of a one-byte instruction, or null for an undefined byte.</summary>
        public static OpCode? OneByte(byte value) => s_oneByte[value];

        /// <summary>The opcode following a 0xFE prefix, or null for an undefined byte.</summary>
        public static OpCode? TwoByte(byte value) => s_twoByte[value];
    }
}
