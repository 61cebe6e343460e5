namespace Rightscope.Features.Benchmark;

/// <summary>Marker for the benchmark's localized strings (BenchmarkText.resx, BenchmarkText.zh-Hans.resx).</summary>
public sealed class BenchmarkText;
