namespace Rightscope.Data.Aggregates;

/// <summary>
/// A random number replaced every time an organization's data of one <see cref="Area"/> changes, so a figure computed
/// from that data can be kept until the number changes (<see cref="AggregateCache"/>). Random rather than counted, so
/// concurrent writers never need to read it first, and a restored backup brings back the number that went with its data.
/// </summary>
public sealed class AggregateStamp
{
    public const int AreaMaxLength = 40;

    public Guid OrganizationId { get; set; }

    public string Area { get; set; } = "";

    public long Stamp { get; set; }
}

/// <summary>The kinds of data whose figures are kept between changes.</summary>
public static class AggregateArea
{
    /// <summary>
    /// Grievance cases, their recipients' envelopes, check-ins, reminders and exclusions, and the channels: the
    /// statistics and country tables, and each handler's counts on the case list and deadlines page.
    /// </summary>
    public const string Cases = "cases";

    /// <summary>Government requests, their imported aggregates and transparency reports.</summary>
    public const string Transparency = "transparency";

    /// <summary>Indicator datasets and their values: the composite indices computed from them.</summary>
    public const string Indicators = "indicators";
}
