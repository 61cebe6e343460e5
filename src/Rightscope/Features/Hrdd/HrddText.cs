namespace Rightscope.Features.Hrdd;

/// <summary>Resource marker for the due diligence cycle's pages: policy commitment, HRIA projects and the salient issues register.</summary>
public sealed class HrddText;
