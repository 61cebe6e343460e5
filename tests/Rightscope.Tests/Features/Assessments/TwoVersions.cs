using Rightscope.Data;
using Rightscope.Features.Methodologies;

namespace Rightscope.Tests.Features.Assessments;

/// <summary>
/// An organization's own methodology in two versions: 1.1.0 drops <c>has-grievance</c>, adds <c>has-remedy</c>
/// and raises the tier-1 threshold — enough to see answers carried, dropped and a tier change.
/// </summary>
internal static class TwoVersions
{
    public const string Key = "supplier-screen";

    public static string Yaml(string version)
    {
        var v11 = version == "1.1.0";
        var third = v11
            ? "      - { key: has-remedy, level: question, title: { en: Does it provide remedy? }, answer-set: yes-no }"
            : "      - { key: has-grievance, level: question, title: { en: Does it run a grievance channel? }, answer-set: yes-no }";
        return $$"""
            format: rightscope/methodology@1
            key: supplier-screen
            version: {{version}}
            title: { en: Supplier screen }
            summary: { en: A short screen of technology suppliers. }
            subjects: [company]
            answer-sets:
              - key: yes-no
                options:
                  - { key: "yes", title: { en: "Yes" }, score: 100 }
                  - { key: "no", title: { en: "No" }, score: 0 }
                  - { key: not-applicable, title: { en: Not applicable }, excluded: true }
            levels:
              - { key: section, title: { en: Section }, combine: mean }
              - { key: question, title: { en: Question } }
            total: { over: section, combine: mean }
            structure:
              - key: policy
                level: section
                title: { en: Policy }
                children:
                  - { key: has-policy, level: question, title: { en: Does it have a human rights policy? }, answer-set: yes-no }
            {{third}}
            tiers:
              thresholds:
                - { tier-1-min: {{(v11 ? 90 : 45)}}, tier-2-min: 40 }
            decisions:
              - { tier: 1, decision: invest, title: { en: Hold } }
              - { tier: 2, decision: engage, title: { en: Engage } }
              - { tier: 3, decision: exclude, title: { en: Exclude } }
            """;
    }

    public static void AddTo(RightscopeDbContext db, Guid organizationId, params string[] versions)
    {
        foreach (var version in versions)
        {
            var yaml = Yaml(version);
            db.OrganizationMethodologies.Add(new OrganizationMethodology
            {
                OrganizationId = organizationId,
                Key = Key,
                Version = version,
                FileName = $"{Key}-{version}.yaml",
                Content = yaml,
                ContentHash = MethodologyRegistry.Hash(yaml),
                AddedAt = DateTime.UtcNow,
            });
        }
    }
}
