using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;

namespace Rightscope.Tests.Core.Methodologies;

public sealed class MethodologyLoaderTests
{
    private static Methodology Load(string yaml = Fixtures.Methodology)
    {
        var result = MethodologyLoader.Parse(yaml, "small.yaml");
        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    [Fact]
    public void The_fixture_loads_with_its_header_sources_and_attributes()
    {
        var methodology = Load();

        Assert.Equal("small-method", methodology.Key);
        Assert.Equal("1.2.0", methodology.Version);
        Assert.Equal("small-method@1.2.0", methodology.Id);
        Assert.Equal("Small methodology", methodology.Title.In("en"));
        Assert.Equal("小方法", methodology.Title.In("zh-Hans"));
        Assert.Equal("测试用", methodology.Summary.In("zh-Hans"));
        Assert.Equal([SubjectKind.Company, SubjectKind.Service], methodology.Subjects);
        var source = Assert.Single(methodology.Sources);
        Assert.Equal("seed-001", source.Key);
        Assert.Equal("Seed 001", source.Citation.In("en"));
        var attribute = Assert.Single(methodology.Attributes);
        Assert.Equal("exposure-type", attribute.Key);
        Assert.Equal(["1", "2"], attribute.Options.Select(option => option.Key));
        Assert.Equal("专门公司", attribute.Options[0].Title.In("zh-Hans"));
    }

    [Fact]
    public void Answer_options_have_scores_and_not_applicable_is_excluded()
    {
        var methodology = Load();

        Assert.Equal(["disclosure", "yes-no"], methodology.AnswerSets.Select(set => set.Key));
        var disclosure = methodology.AnswerSets[0];
        Assert.Equal(["yes", "partial", "no", "not-applicable"], disclosure.Options.Select(option => option.Key));
        Assert.Equal([100, 50, 0, null], disclosure.Options.Select(option => option.Score));
        Assert.True(disclosure.Find("not-applicable")!.IsExcluded);
        Assert.Equal("部分", disclosure.Find("partial")!.Title.In("zh-Hans"));
    }

    [Fact]
    public void Levels_total_and_components_map_their_combine_rules()
    {
        var methodology = Load();

        Assert.Equal(["section", "indicator", "element"], methodology.Levels.Select(level => level.Key));
        Assert.Equal([Combine.WeightedMean, Combine.Mean, null], methodology.Levels.Select(level => level.Combine));
        Assert.Equal(new TotalRule("section", Combine.WeightedMean), methodology.Total);
        Assert.Equal(new ComponentRule(Combine.Mean), methodology.Components);
    }

    [Fact]
    public void The_structure_keeps_order_weights_overrides_and_item_fields()
    {
        var methodology = Load();

        Assert.Equal(["governance", "licensing-use"], methodology.Structure.Select(node => node.Key));
        var governance = methodology.Structure[0];
        Assert.Equal("section", governance.Level);
        Assert.Equal(2, governance.Weight);
        Assert.Equal("How the board oversees risk", governance.Summary!.In("en"));
        Assert.Null(governance.Combine);
        Assert.Null(governance.AnswerSet);
        Assert.False(governance.IsItem);

        var board = governance.Children[0];
        Assert.Equal("board-oversight", board.Key);
        Assert.Equal("element", board.Level);
        Assert.True(board.IsItem);
        Assert.Equal("disclosure", board.AnswerSet);
        Assert.Equal(1.5, board.Weight);
        Assert.Equal("seed-001", board.Source);
        Assert.Equal("查看章程", board.Guidance!.In("zh-Hans"));
        Assert.Equal("Board charter", board.Evidence!.In("en"));
        Assert.False(board.Reversed);

        var policy = governance.Children[1];
        Assert.Equal(Combine.Min, policy.Combine);
        Assert.Equal(ScoringLevel.Both, policy.ScoringLevel);
        Assert.Equal(1, policy.Weight);
        Assert.True(policy.Children[1].Reversed);
        Assert.Null(policy.Children[1].ScoringLevel);

        Assert.Equal(["board-oversight", "policy-published", "sells-to-police", "end-use-controls"],
            methodology.Items.Select(item => item.Key));
    }

    [Fact]
    public void Impacts_tiers_red_flags_and_decisions_map_to_the_model()
    {
        var methodology = Load();

        Assert.Equal(new ImpactModel(SeverityFormula.Max, 4, 4, true), methodology.Impacts);

        var tiers = methodology.Tiers!;
        Assert.Equal(2, tiers.Thresholds.Count);
        var attributeRule = Assert.IsType<AttributeIn>(tiers.Thresholds[0].When);
        Assert.Equal("exposure-type", attributeRule.Attribute);
        Assert.Equal(["1"], attributeRule.Values);
        Assert.Equal((80, 55), (tiers.Thresholds[0].Tier1Min, tiers.Thresholds[0].Tier2Min));
        Assert.Null(tiers.Thresholds[1].When);
        Assert.Equal((70, 40), (tiers.Thresholds[1].Tier1Min, tiers.Thresholds[1].Tier2Min));

        var flag = Assert.Single(tiers.RedFlags);
        Assert.Equal("no-end-use-controls", flag.Key);
        Assert.Equal(3, flag.Floor);
        Assert.Equal("seed-001", flag.Source);
        var all = Assert.IsType<AllOf>(flag.When);
        Assert.Equal(4, all.Conditions.Count);
        Assert.IsType<AttributeIn>(all.Conditions[0]);
        var answer = Assert.IsType<AnswerIn>(all.Conditions[1]);
        Assert.Equal("end-use-controls", answer.Item);
        Assert.Equal(["no"], answer.Options);
        var not = Assert.IsType<NotCondition>(all.Conditions[2]);
        Assert.Equal(new NodeBelow("licensing-use", 40), not.Condition);
        var any = Assert.IsType<AnyOf>(all.Conditions[3]);
        Assert.Equal(new TotalBelow(30), any.Conditions[0]);
        Assert.Equal(new NodeBelow("policy-commitment", 50), any.Conditions[1]);

        Assert.Equal([new SeverityFloor(4, false, 2), new SeverityFloor(5, true, 3)], tiers.SeverityFloors);

        Assert.Equal([(1, Decision.Invest), (2, Decision.Engage), (3, Decision.Exclude)],
            methodology.Decisions.Select(decision => (decision.Tier, decision.Decision)));
        Assert.Null(methodology.Decisions[0].Guidance);
        Assert.Equal("设定里程碑", methodology.Decisions[1].Guidance!.In("zh-Hans"));
    }

    [Fact]
    public void Optional_sections_may_be_left_out_and_weight_defaults_to_one()
    {
        var yaml = """
            format: rightscope/methodology@1
            key: minimal
            version: 0.1.0
            title: { en: Minimal, zh-Hans: 最小 }
            summary: { en: Minimal, zh-Hans: 最小 }
            subjects: [product]
            answer-sets:
              - key: yes-no
                options:
                  - { key: "yes", title: { en: "Yes", zh-Hans: "是" }, score: 100 }
            levels:
              - key: section
                title: { en: Section, zh-Hans: 部分 }
                combine: mean
              - key: question
                title: { en: Question, zh-Hans: 问题 }
            total: { over: section, combine: mean }
            structure:
              - key: only
                level: section
                title: { en: Only, zh-Hans: 唯一 }
                children:
                  - { key: q, level: question, title: { en: Q, zh-Hans: 问 }, answer-set: yes-no }
            """;

        var methodology = Load(yaml);

        Assert.Empty(methodology.Sources);
        Assert.Empty(methodology.Attributes);
        Assert.Null(methodology.Components);
        Assert.Null(methodology.Impacts);
        Assert.Null(methodology.Tiers);
        Assert.Empty(methodology.Decisions);
        Assert.Equal(1, methodology.Structure[0].Children[0].Weight);
    }

    [Fact]
    public void A_user_methodology_may_have_one_language_when_not_all_are_required()
    {
        var yaml = Fixtures.Replace(Fixtures.Methodology, "title: { en: Small methodology, zh-Hans: 小方法 }", "title: { en: Small methodology }");

        var result = MethodologyLoader.Parse(yaml, "mine.yaml", requireAllLanguages: false);

        Assert.True(result.Succeeded);
        Assert.Equal("Small methodology", result.Value!.Title.In("zh-Hans"));
    }

    [Fact]
    public void LoadFile_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rightscope-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Fixtures.Methodology);
            Assert.True(MethodologyLoader.LoadFile(path).Succeeded);

            File.WriteAllText(path, Fixtures.Replace(Fixtures.Methodology, "version: 1.2.0", "version: 1.2"));
            var error = Assert.Single(MethodologyLoader.LoadFile(path).Errors);
            Assert.Equal(path, error.File);
            Assert.Equal(3, error.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_of_a_missing_file_is_one_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rightscope-missing-{Guid.NewGuid():N}.yaml");

        var result = MethodologyLoader.LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.Line);
        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_prints_as_file_line_key_message()
    {
        Assert.Equal("bad.yaml:12: board-oversight: answer-set 'disclsure' does not exist",
            new CatalogError("bad.yaml", 12, "board-oversight", "answer-set 'disclsure' does not exist").ToString());
        Assert.Equal("bad.yaml:1: -: the file is empty", new CatalogError("bad.yaml", 1, null, "the file is empty").ToString());
    }
}
