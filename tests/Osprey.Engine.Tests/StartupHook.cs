// A .NET startup hook (see DOTNET_STARTUP_HOOKS): the runtime calls StartupHook.Initialize, in no
// namespace, before Main. It lets a test run this assembly as a child process doing what the test
// asks (a test project cannot have a Main of its own); without the variable below it does nothing.
internal static class StartupHook
{
    public static void Initialize()
    {
        string? database = Environment.GetEnvironmentVariable(Osprey.Engine.Tests.State.StoreCrashChild.DatabaseVariable);
        if (!string.IsNullOrEmpty(database)) Osprey.Engine.Tests.State.StoreCrashChild.Run(database);
    }
}
