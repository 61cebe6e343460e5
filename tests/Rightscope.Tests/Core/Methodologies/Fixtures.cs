using Rightscope.Core.Methodologies.Loading;

namespace Rightscope.Tests.Core.Methodologies;

/// <summary>A small methodology that uses every part of the format, and helpers to break it one rule at a time.</summary>
internal static class Fixtures
{
    public const string Methodology = """
        format: rightscope/methodology@1
        key: small-method
        version: 1.2.0
        title: { en: Small methodology, zh-Hans: 小方法 }
        summary: { en: A fixture, zh-Hans: 测试用 }
        subjects: [company, service]
        sources:
          - key: seed-001
            citation: { en: Seed 001, zh-Hans: 种子 001 }
        subject-attributes:
          - key: exposure-type
            title: { en: Exposure type, zh-Hans: 敞口类型 }
            options:
              - { key: "1", title: { en: Specialised vendor, zh-Hans: 专门公司 } }
              - { key: "2", title: { en: Diversified company, zh-Hans: 多元公司 } }
        answer-sets:
          - key: disclosure
            options:
              - { key: "yes", title: { en: "Yes", zh-Hans: "是" }, score: 100 }
              - { key: partial, title: { en: Partial, zh-Hans: 部分 }, score: 50 }
              - { key: "no", title: { en: "No", zh-Hans: "否" }, score: 0 }
              - { key: not-applicable, title: { en: Not applicable, zh-Hans: 不适用 }, excluded: true }
          - key: yes-no
            options:
              - { key: "yes", title: { en: "Yes", zh-Hans: "是" }, score: 100 }
              - { key: "no", title: { en: "No", zh-Hans: "否" }, score: 0 }
        levels:
          - key: section
            title: { en: Section, zh-Hans: 部分 }
            combine: weighted-mean
          - key: indicator
            title: { en: Indicator, zh-Hans: 指标 }
            combine: mean
          - key: element
            title: { en: Element, zh-Hans: 要素 }
        total:
          over: section
          combine: weighted-mean
        components:
          combine: mean
        structure:
          - key: governance
            level: section
            title: { en: Governance, zh-Hans: 治理 }
            summary: { en: How the board oversees risk, zh-Hans: 董事会如何监督风险 }
            weight: 2
            children:
              - key: board-oversight
                level: element
                title: { en: Does the board oversee human rights risks?, zh-Hans: 董事会是否监督人权风险？ }
                guidance: { en: Look for a charter, zh-Hans: 查看章程 }
                evidence: { en: Board charter, zh-Hans: 董事会章程 }
                answer-set: disclosure
                weight: 1.5
                source: seed-001
              - key: policy-commitment
                level: indicator
                title: { en: Policy commitment, zh-Hans: 政策承诺 }
                combine: min
                scoring-level: both
                children:
                  - key: policy-published
                    level: element
                    title: { en: Is the policy published?, zh-Hans: 政策是否公开？ }
                    answer-set: yes-no
                  - key: sells-to-police
                    level: element
                    title: { en: Does it sell to police without review?, zh-Hans: 是否未经审查向警方销售？ }
                    answer-set: yes-no
                    reversed: true
          - key: licensing-use
            level: section
            title: { en: Licensing and use, zh-Hans: 许可和使用 }
            children:
              - key: end-use-controls
                level: element
                title: { en: Are there end-use controls?, zh-Hans: 是否有最终用途控制？ }
                answer-set: disclosure
        impacts:
          severity:
            formula: max
            severe-at: 4
            irremediable-at: 4
          likelihood: true
        tiers:
          thresholds:
            - when: { attribute: exposure-type, in: ["1"] }
              tier-1-min: 80
              tier-2-min: 55
            - tier-1-min: 70
              tier-2-min: 40
          red-flags:
            - key: no-end-use-controls
              title: { en: Specialised vendor without end-use controls, zh-Hans: 无最终用途控制的专门公司 }
              floor: 3
              source: seed-001
              when:
                all:
                  - attribute: exposure-type
                    in: ["1"]
                  - item: end-use-controls
                    answer-in: ["no"]
                  - not: { node: licensing-use, below: 40 }
                  - any:
                      - total-below: 30
                      - node: policy-commitment
                        below: 50
          severity-floors:
            - { min-severity: 4, floor: 2 }
            - { min-severity: 5, irremediable: true, floor: 3 }
        decisions:
          - { tier: 1, decision: invest, title: { en: Invest, zh-Hans: 投资 } }
          - { tier: 2, decision: engage, title: { en: Engage, zh-Hans: 参与 }, guidance: { en: Set milestones, zh-Hans: 设定里程碑 } }
          - { tier: 3, decision: exclude, title: { en: Exclude, zh-Hans: 排除 } }
        """;

    public const string Reference = """
        format: rightscope/reference@1
        key: human-rights
        version: 1.0.0
        title: { en: Human rights, zh-Hans: 人权 }
        entries:
          - key: privacy
            title: { en: Right to privacy, zh-Hans: 隐私权 }
            description: { en: Freedom from arbitrary interference, zh-Hans: 免受任意干涉 }
            instrument: ICCPR
            article: "17"
            kind: civil-political
            source: seed-000
          - key: expression
            title: { en: Freedom of expression, zh-Hans: 表达自由 }
            instrument: ICCPR
            article: 19
        """;

    /// <summary>The fixture with <paramref name="find"/> (which must occur exactly once) replaced.</summary>
    public static string Replace(string yaml, string find, string replacement)
    {
        var at = yaml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the fixture has no '{find}'");
        Assert.True(yaml.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"the fixture has '{find}' more than once");
        return string.Concat(yaml.AsSpan(0, at), replacement, yaml.AsSpan(at + find.Length));
    }

    /// <summary>The 1-based line of the only occurrence of <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        var found = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"'{text}' is on {found.Count} lines of the YAML");
        return found[0] + 1;
    }

    public static IReadOnlyList<CatalogError> Errors(string yaml, bool requireAllLanguages = true)
    {
        var result = MethodologyLoader.Parse(yaml, "bad.yaml", requireAllLanguages);
        Assert.Null(result.Value);
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    /// <summary>Asserts the YAML has exactly one error, on the line holding <paramref name="lineText"/>, and returns it.</summary>
    public static CatalogError SingleError(string yaml, string lineText, string? key, string messagePart, bool requireAllLanguages = true) =>
        SingleError(yaml, LineOf(yaml, lineText), key, messagePart, requireAllLanguages);

    public static CatalogError SingleError(string yaml, int line, string? key, string messagePart, bool requireAllLanguages = true)
    {
        var errors = Errors(yaml, requireAllLanguages);
        var error = Assert.Single(errors);
        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(key, error.Key);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }
}
