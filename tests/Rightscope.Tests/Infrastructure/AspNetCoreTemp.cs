using System.Runtime.CompilerServices;

namespace Rightscope.Tests.Infrastructure;

/// <summary>
/// Where ASP.NET Core buffers request bodies in this test process (<c>ASPNETCORE_TEMP</c>, read once per process):
/// a directory of its own, so the remedy tests can prove no plaintext of an upload is ever written there.
/// </summary>
public static class AspNetCoreTemp
{
    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), $"rightscope-tests-aspnet-{Environment.ProcessId}");

    [ModuleInitializer]
    internal static void Initialize()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Directory);
    }
}
