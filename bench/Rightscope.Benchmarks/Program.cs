using System.Diagnostics;
using BenchmarkDotNet.Running;
using Rightscope.Benchmarks;
using Rightscope.Core.Portfolios.Import;

// Run with: dotnet run -c Release --project bench/Rightscope.Benchmarks -- --filter '*'
// Peak memory of one import, outside BenchmarkDotNet (see BENCHMARKS.md):
//   dotnet run -c Release --project bench/Rightscope.Benchmarks -- holdings-file csv|xlsx ROWS FILE
//   /usr/bin/time -v dotnet bench/Rightscope.Benchmarks/bin/Release/net10.0/Rightscope.Benchmarks.dll holdings-import FILE
if (args is ["holdings-file", var format, var rows, var path])
{
    var count = int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture);
    File.WriteAllBytes(path, format == "xlsx" ? HoldingsFiles.Xlsx(count) : HoldingsFiles.Csv(count));
    return;
}

if (args is ["holdings-import", var file])
{
    var stopwatch = Stopwatch.StartNew();
    using var stream = File.OpenRead(file);
    var result = HoldingsImporter.Import(stream);
    stopwatch.Stop();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"rows={result.Rows.Count} canWrite={result.CanWrite} issues={result.Issues.Count} " +
        $"elapsed={stopwatch.Elapsed.TotalSeconds:F3}s peakWorkingSet={process.PeakWorkingSet64 / (1024 * 1024)}MiB " +
        $"gcHeapAfter={GC.GetTotalMemory(false) / (1024 * 1024)}MiB");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
