using System.Text.Json;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// An organization's public human rights report for one calendar year, in the structure of the UNGP Reporting
/// Framework (<see cref="ReportFramework"/>): narratives per section (and per salient issue for part C) in English,
/// Chinese or both, a draft → submitted → approved → published workflow with four eyes, and, once published, the
/// frozen <see cref="Snapshot"/> (narratives and facts) the public page and exports show, whatever changes later.
/// </summary>
public sealed class HumanRightsReport : ITenantOwned
{
    public const int NarrativeMaxLength = 20_000;

    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    /// <summary>The reporting period: one calendar year; one report per organization and year.</summary>
    public int Year { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>The narratives as JSON: <see cref="SectionRef.Key"/> → <see cref="StoredNarrative"/>.</summary>
    public string Narratives { get; set; } = "{}";

    /// <summary>The published <see cref="ReportContent"/> as JSON; null until the first publication.</summary>
    public string? Snapshot { get; set; }

    public Guid CreatedByUserId { get; set; }

    public Guid? SubmittedByUserId { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public Guid? ApprovedByUserId { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public Guid? PublishedByUserId { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Why the report last went back to draft or was withdrawn.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public Dictionary<string, StoredNarrative> ReadNarratives() =>
        JsonSerializer.Deserialize<Dictionary<string, StoredNarrative>>(Narratives, ReportJson.Options) ?? [];

    public void WriteNarratives(Dictionary<string, StoredNarrative> narratives) =>
        Narratives = JsonSerializer.Serialize(narratives, ReportJson.Options);

    /// <summary>Everyone who wrote a section or submitted the report: none of them may approve it.</summary>
    public IReadOnlyCollection<Guid> Authors() =>
        [.. ReadNarratives().Values.SelectMany(n => n.Writers).Append(SubmittedByUserId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct()];

    public ReportContent? ReadSnapshot() =>
        Snapshot is null ? null : JsonSerializer.Deserialize<ReportContent>(Snapshot, ReportJson.Options);
}

/// <summary>One section's narrative as stored, with everyone who has written it.</summary>
public sealed record StoredNarrative(string? En, string? Zh, IReadOnlyList<Guid> Writers, DateTime UpdatedAt)
{
    public NarrativeText Text => new(En, Zh);
}

public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
