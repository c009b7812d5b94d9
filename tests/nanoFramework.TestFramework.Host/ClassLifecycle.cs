using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Runs [Setup] once before a class's first test and [Cleanup] once after its last, counting the test
    /// cases of the class (one per [DataRow], else one per [TestMethod]) the way the nanoFramework launcher
    /// walks them. Cleanups of classes whose tests were filtered out run when the process exits.
    /// </summary>
    internal static class ClassLifecycle
    {
        private static readonly object s_lock = new object();
        private static readonly Dictionary<Type, State> s_states = new Dictionary<Type, State>();
        private static bool s_exitHooked;

        internal sealed class SetupOutcome
        {
            internal Exception Failure;
            internal Exception Skipped;
        }

        private sealed class State
        {
            internal SetupOutcome Outcome;
            internal int Remaining;
            internal bool CleanedUp;
        }

        internal static SetupOutcome EnsureSetup(Type type)
        {
            lock (s_lock)
            {
                if (!s_exitHooked)
                {
                    s_exitHooked = true;
                    AppDomain.CurrentDomain.ProcessExit += (s, e) => CleanupAll();
                }

                if (s_states.TryGetValue(type, out State state))
                {
                    return state.Outcome;
                }

                state = new State { Outcome = new SetupOutcome(), Remaining = CountTestCases(type) };
                s_states[type] = state;
                MethodInfo setup = FindMarked(type, typeof(SetupAttribute));
                if (setup != null)
                {
                    try
                    {
                        Invoke(type, setup);
                    }
                    catch (Exception ex)
                    {
                        if (IsSkip(ex))
                        {
                            state.Outcome.Skipped = ex;
                        }
                        else
                        {
                            state.Outcome.Failure = new InvalidOperationException("[Setup] " + setup.Name + " failed: " + ex.Message, ex);
                        }
                    }
                }

                return state.Outcome;
            }
        }

        internal static void TestFinished(Type type)
        {
            lock (s_lock)
            {
                if (s_states.TryGetValue(type, out State state))
                {
                    state.Remaining--;
                    if (state.Remaining <= 0)
                    {
                        RunCleanup(type, state);
                    }
                }
            }
        }

        internal static bool IsSkip(Exception ex)
        {
            while (ex != null)
            {
                if (ex is SkipTestException)
                {
                    return true;
                }

                ex = ex.InnerException;
            }

            return false;
        }

        private static void CleanupAll()
        {
            lock (s_lock)
            {
                foreach (KeyValuePair<Type, State> entry in s_states)
                {
                    RunCleanup(entry.Key, entry.Value);
                }
            }
        }

        private static void RunCleanup(Type type, State state)
        {
            if (state.CleanedUp)
            {
                return;
            }

            state.CleanedUp = true;
            MethodInfo cleanup = FindMarked(type, typeof(CleanupAttribute));
            if (cleanup != null && state.Outcome.Skipped == null)
            {
                Invoke(type, cleanup);
            }
        }

        private static int CountTestCases(Type type)
        {
            int count = 0;
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<TestMethodAttribute>() == null)
                {
                    continue;
                }

                int rows = method.GetCustomAttributes<DataRowAttribute>().Count();
                count += rows > 0 ? rows : 1;
            }

            return count;
        }

        private static MethodInfo FindMarked(Type type, Type attribute)
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.IsDefined(attribute, false))
                {
                    return method;
                }
            }

            return null;
        }

        private static void Invoke(Type type, MethodInfo method)
        {
            // The nanoFramework launcher invokes test methods with a null target; instance methods that touch
            // only static state behave the same with a throwaway instance, which is what we give them.
            object target = method.IsStatic ? null : Activator.CreateInstance(type);
            try
            {
                method.Invoke(target, null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }
    }
}
