using Rightscope.Core.Methodologies.Loading;
using static Rightscope.Tests.Core.Methodologies.Fixtures;

namespace Rightscope.Tests.Core.Methodologies;

/// <summary>One test per rule: each breaks the valid fixture once and expects exactly that error, on the right line and key.</summary>
public sealed class MethodologyValidationTests
{
    private static string Break(string find, string replacement) => Replace(Methodology, find, replacement);

    [Fact]
    public void A_missing_answer_set_is_reported_as_file_line_key_message()
    {
        var yaml = Break("answer-set: disclosure\n        weight: 1.5", "answer-set: disclsure\n        weight: 1.5");

        var error = SingleError(yaml, "answer-set: disclsure", "board-oversight", "answer-set 'disclsure' does not exist");

        Assert.Equal($"bad.yaml:{LineOf(yaml, "disclsure")}: board-oversight: answer-set 'disclsure' does not exist", error.ToString());
    }

    // YAML and types

    [Fact]
    public void A_yaml_syntax_error_carries_its_line()
    {
        var yaml = Break("  - key: section\n", "  - key: section\n   bad: [\n");

        var error = Assert.Single(Errors(yaml));

        Assert.Null(error.Key);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, LineOf(yaml, "bad: ["), LineOf(yaml, "bad: [") + 3);
    }

    [Theory]
    [InlineData("key: [unclosed\nother: 1\n")]
    [InlineData("key: \"unclosed\nother: 1\n")]
    [InlineData("a: *missing-anchor\n")]
    public void Malformed_yaml_is_an_error_not_an_exception(string yaml)
    {
        var error = Assert.Single(Errors(yaml));

        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 1, 3);
    }

    [Fact]
    public void A_file_holds_one_document()
    {
        var error = Assert.Single(Errors(Methodology + "\n---\nkey: again\n"));

        Assert.Equal(LineOf(Methodology + "\n---\nkey: again\n", "key: again"), error.Line);
        Assert.Contains("one YAML document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_field_is_a_yaml_error_on_its_line()
    {
        var yaml = Break("version: 1.2.0\n", "version: 1.2.0\nversion: 1.3.0\n");

        var error = Assert.Single(Errors(yaml));

        Assert.Equal(LineOf(yaml, "version: 1.3.0"), error.Line);
        Assert.Contains("uplicate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_an_error(string yaml)
    {
        var error = Assert.Single(Errors(yaml));

        Assert.Equal("the file is empty", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_an_error()
    {
        var error = Assert.Single(Errors("- just\n- a list\n"));

        Assert.Equal(1, error.Line);
        Assert.Contains("mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_an_error_that_suggests_the_known_one()
    {
        var yaml = Break("answer-set: disclosure\n        weight: 1.5", "answerset: disclosure\n        weight: 1.5");

        var errors = Errors(yaml);

        var unknown = Assert.Single(errors, error => error.Message.Contains("unknown field", StringComparison.Ordinal));
        Assert.Equal(LineOf(yaml, "answerset:"), unknown.Line);
        Assert.Equal("board-oversight", unknown.Key);
        Assert.Equal("unknown field 'answerset' in a node (did you mean 'answer-set'?)", unknown.Message);
        // …and the item now lacks its answer set.
        Assert.Contains(errors, error => error.Key == "board-oversight" && error.Message.Contains("needs an 'answer-set'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_top_level_field_is_an_error()
    {
        var yaml = Break("subjects: [company, service]", "subjects: [company, service]\nauthor: me");

        SingleError(yaml, "author: me", "author", "unknown field 'author'");
    }

    [Fact]
    public void A_list_where_a_text_belongs_is_a_type_error()
    {
        var yaml = Break("summary: { en: A fixture, zh-Hans: 测试用 }", "summary: [A fixture]");

        SingleError(yaml, "summary: [A fixture]", "summary", "summary must be a mapping of language to text");
    }

    [Fact]
    public void A_plain_string_is_not_accepted_as_a_text()
    {
        var yaml = Break("title: { en: Governance, zh-Hans: 治理 }", "title: Governance");

        SingleError(yaml, "title: Governance", "governance", "title must be a mapping of language to text");
    }

    [Fact]
    public void A_scalar_where_a_list_belongs_is_a_type_error()
    {
        var yaml = Break("subjects: [company, service]", "subjects: company");

        SingleError(yaml, "subjects: company", "subjects", "subjects must be a list");
    }

    [Fact]
    public void A_weight_that_is_not_a_number_is_a_type_error()
    {
        var yaml = Break("weight: 1.5", "weight: heavy");

        SingleError(yaml, "weight: heavy", "board-oversight", "weight must be a number, not the value 'heavy'");
    }

    [Fact]
    public void A_quoted_score_is_text_not_a_number()
    {
        var yaml = Break("score: 50", "score: \"50\"");

        SingleError(yaml, "score: \"50\"", "partial", "score must be a number, not the quoted text '50'");
    }

    [Fact]
    public void Reversed_must_be_a_boolean()
    {
        var yaml = Break("reversed: true", "reversed: sometimes");

        SingleError(yaml, "reversed: sometimes", "sells-to-police", "reversed must be true or false");
    }

    // Header

    [Fact]
    public void The_format_must_be_methodology_1()
    {
        var yaml = Break("format: rightscope/methodology@1", "format: rightscope/methodology@2");

        SingleError(yaml, "format:", "format", "format must be 'rightscope/methodology@1', not 'rightscope/methodology@2'");
    }

    [Fact]
    public void The_format_is_required()
    {
        var yaml = Break("format: rightscope/methodology@1\n", "");

        var error = SingleError(yaml, "key: small-method", "format", "'format' is required");
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("Board-Oversight")]
    [InlineData("board_oversight")]
    [InlineData("-board")]
    [InlineData("board-")]
    public void Keys_are_lowercase_letters_digits_and_inner_hyphens(string key)
    {
        var yaml = Break("key: board-oversight", $"key: {key}");

        SingleError(yaml, $"key: {key}", "governance", $"key '{key}' is not a valid key");
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.0-beta")]
    [InlineData("v1.2.0")]
    [InlineData("01.2.0")]
    public void The_version_is_major_minor_patch(string version)
    {
        var yaml = Break("version: 1.2.0", $"version: {version}");

        SingleError(yaml, $"version: {version}", "version", $"version '{version}' is not MAJOR.MINOR.PATCH");
    }

    [Fact]
    public void Subjects_are_known_kinds_each_listed_once()
    {
        var yaml = Break("subjects: [company, service]", "subjects: [company, person, company]");

        var errors = Errors(yaml);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.Equal(("subjects", LineOf(yaml, "subjects:")), (error.Key, error.Line)));
        Assert.Contains(errors, error => error.Message == "subject 'person' is not one of company, product, service, market");
        Assert.Contains(errors, error => error.Message == "subject 'company' is listed more than once");
    }

    [Fact]
    public void Subjects_must_not_be_empty()
    {
        var yaml = Break("subjects: [company, service]", "subjects: []");

        SingleError(yaml, "subjects: []", "subjects", "subjects must not be empty");
    }

    // Texts

    [Fact]
    public void A_shipped_text_needs_both_languages()
    {
        var yaml = Break("title: { en: Governance, zh-Hans: 治理 }", "title: { en: Governance }");

        SingleError(yaml, "title: { en: Governance }", "governance", "title has no zh-Hans text");
    }

    [Fact]
    public void A_user_text_needs_at_least_one_language()
    {
        var yaml = Break("title: { en: Governance, zh-Hans: 治理 }", "title: {}");

        SingleError(yaml, "title: {}", "governance", "title must have a text in at least one language", requireAllLanguages: false);
    }

    [Fact]
    public void A_text_in_an_unknown_language_is_an_error()
    {
        var yaml = Break("title: { en: Governance, zh-Hans: 治理 }", "title: { en: Governance, zh-Hans: 治理, fr: Gouvernance }");

        SingleError(yaml, "fr: Gouvernance", "governance", "title has unknown language 'fr'");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("")]
    public void A_text_must_not_be_empty(string empty)
    {
        var yaml = Break("title: { en: Governance, zh-Hans: 治理 }", $"title: {{ en: Governance, zh-Hans: {empty} }}");

        SingleError(yaml, "title: { en: Governance, zh-Hans:", "governance", "title (zh-Hans) must not be empty");
    }

    // Unique keys

    [Fact]
    public void Node_keys_share_one_key_space_across_the_structure()
    {
        var yaml = Break("key: sells-to-police", "key: policy-published");

        SingleError(yaml, LineOf(Methodology, "key: sells-to-police"), "policy-published", "node key 'policy-published' is used more than once");
    }

    [Fact]
    public void A_node_may_not_share_its_key_with_a_section()
    {
        var yaml = Break("key: sells-to-police", "key: governance");

        SingleError(yaml, LineOf(Methodology, "key: sells-to-police"), "governance", "node key 'governance' is used more than once");
    }

    [Fact]
    public void Answer_set_keys_are_unique()
    {
        var yaml = Break("- key: yes-no\n", "- key: disclosure\n");

        var errors = Errors(yaml);

        // The second set is a duplicate; answer-set yes-no is then missing for the two items that use it.
        var duplicate = Assert.Single(errors, error => error.Message.Contains("more than once", StringComparison.Ordinal));
        Assert.Equal("answer set key 'disclosure' is used more than once", duplicate.Message);
        Assert.Equal("disclosure", duplicate.Key);
        Assert.Equal(Replace(Methodology, "- key: yes-no\n", "- key: disclosure\n").Split('\n').ToList().FindLastIndex(line => line.Contains("- key: disclosure", StringComparison.Ordinal)) + 1, duplicate.Line);
    }

    [Fact]
    public void Option_keys_are_unique_within_their_set()
    {
        var yaml = Break("{ key: partial,", "{ key: \"yes\",");

        var error = Assert.Single(Errors(yaml));

        Assert.Equal("yes", error.Key);
        Assert.Equal(LineOf(yaml, "title: { en: Partial"), error.Line);
        Assert.Equal("option of answer set 'disclosure' key 'yes' is used more than once", error.Message);
    }

    [Fact]
    public void The_same_option_key_in_two_sets_is_fine()
    {
        Assert.True(MethodologyLoader.Parse(Methodology, "ok.yaml").Succeeded);
    }

    [Fact]
    public void Attribute_option_keys_are_unique()
    {
        var yaml = Break("{ key: \"2\", title: { en: Diversified", "{ key: \"1\", title: { en: Diversified");

        SingleError(yaml, "Diversified", "1", "option of attribute 'exposure-type' key '1' is used more than once");
    }

    [Fact]
    public void Attribute_keys_are_unique()
    {
        var yaml = Break("""
                  - { key: "2", title: { en: Diversified company, zh-Hans: 多元公司 } }
            """, """
                  - { key: "2", title: { en: Diversified company, zh-Hans: 多元公司 } }
              - key: exposure-type
                title: { en: Again, zh-Hans: 再次 }
                options: [{ key: a, title: { en: A, zh-Hans: 甲 } }]
            """);

        SingleError(yaml, LineOf(yaml, "title: { en: Again") - 1, "exposure-type", "subject attribute key 'exposure-type' is used more than once");
    }

    [Fact]
    public void Source_keys_are_unique()
    {
        var yaml = Break("""
                citation: { en: Seed 001, zh-Hans: 种子 001 }
            """, """
                citation: { en: Seed 001, zh-Hans: 种子 001 }
              - { key: seed-001, citation: { en: Again, zh-Hans: 再次 } }
            """);

        SingleError(yaml, "Again", "seed-001", "source key 'seed-001' is used more than once");
    }

    [Fact]
    public void Red_flag_keys_are_unique()
    {
        var yaml = Break("""
              severity-floors:
            """, """
                - key: no-end-use-controls
                  title: { en: Again, zh-Hans: 再次 }
                  floor: 2
                  when: { total-below: 10 }
              severity-floors:
            """);

        SingleError(yaml, LineOf(yaml, "title: { en: Again") - 1, "no-end-use-controls", "red flag key 'no-end-use-controls' is used more than once");
    }

    // Levels and structure

    [Fact]
    public void Levels_must_not_be_empty()
    {
        var errors = Errors(Replace(Methodology, Methodology[Methodology.IndexOf("levels:", StringComparison.Ordinal)..Methodology.IndexOf("total:", StringComparison.Ordinal)], "levels: []\n"));

        Assert.Contains(errors, error => error.Key == "levels" && error.Message == "levels must not be empty");
    }

    [Fact]
    public void A_level_above_the_items_needs_combine()
    {
        var yaml = Break("    combine: mean\n  - key: element", "  - key: element");

        SingleError(yaml, "- key: indicator", "indicator", "level 'indicator' needs 'combine'");
    }

    [Fact]
    public void The_item_level_has_no_combine()
    {
        var yaml = Break("title: { en: Element, zh-Hans: 要素 }", "title: { en: Element, zh-Hans: 要素 }\n    combine: max");

        SingleError(yaml, "combine: max", "element", "the last level 'element' holds the answered items and has no 'combine'");
    }

    [Fact]
    public void A_combine_value_must_be_known()
    {
        var yaml = Break("combine: min", "combine: median");

        SingleError(yaml, "combine: median", "policy-commitment", "combine 'median' is not one of mean, weighted-mean, min, max");
    }

    [Fact]
    public void A_node_level_must_exist()
    {
        var yaml = Break("level: indicator", "level: indikator");

        SingleError(yaml, "level: indikator", "policy-commitment", "level 'indikator' does not exist");
    }

    [Fact]
    public void A_child_level_must_be_below_its_parent()
    {
        var yaml = Break("level: indicator", "level: section");

        SingleError(yaml, LineOf(yaml, "key: policy-commitment") + 1, "policy-commitment", "level 'section' must be below its parent's level 'section'");
    }

    [Fact]
    public void An_item_needs_an_answer_set()
    {
        var yaml = Break("    answer-set: disclosure\n        weight: 1.5\n", "    weight: 1.5\n");

        SingleError(yaml, "- key: board-oversight", "board-oversight", "an item (level 'element') needs an 'answer-set'");
    }

    [Fact]
    public void An_item_cannot_have_children()
    {
        var yaml = Break("answer-set: disclosure\nimpacts:", """
            answer-set: disclosure
                    children:
                      - { key: extra, level: element, title: { en: X, zh-Hans: X }, answer-set: yes-no }
            impacts:
            """);

        var errors = Errors(yaml);

        var error = Assert.Single(errors, error => error.Message.Contains("cannot have children", StringComparison.Ordinal));
        Assert.Equal("end-use-controls", error.Key);
        Assert.Equal(LineOf(yaml, "- { key: extra"), error.Line);
    }

    [Fact]
    public void A_node_above_the_item_level_needs_children()
    {
        var yaml = Break("""
              - key: licensing-use
                level: section
                title: { en: Licensing and use, zh-Hans: 许可和使用 }
                children:
                  - key: end-use-controls
                    level: element
                    title: { en: Are there end-use controls?, zh-Hans: 是否有最终用途控制？ }
                    answer-set: disclosure
            """, """
              - key: licensing-use
                level: section
                title: { en: Licensing and use, zh-Hans: 许可和使用 }
                children: []
              - key: other-section
                level: section
                title: { en: Other, zh-Hans: 其他 }
                children:
                  - { key: end-use-controls, level: element, title: { en: E, zh-Hans: E }, answer-set: disclosure }
            """);

        var errors = Errors(yaml);

        var error = Assert.Single(errors);
        Assert.Equal(("licensing-use", LineOf(yaml, "children: []")), (error.Key, error.Line));
        Assert.Equal("a node of level 'section' needs at least one child (only the last level 'element' is answered)", error.Message);
    }

    [Fact]
    public void Only_items_have_an_answer_set_or_are_reversed()
    {
        var yaml = Break("    combine: min\n", "    combine: min\n        answer-set: yes-no\n        reversed: false\n");

        var errors = Errors(yaml);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.Equal("policy-commitment", error.Key));
        Assert.Equal(LineOf(yaml, "combine: min") + 1, errors[0].Line);
        Assert.Equal("only items (level 'element') have an answer-set", errors[0].Message);
        Assert.Equal("only items (level 'element') can be reversed", errors[1].Message);
    }

    [Fact]
    public void An_item_has_no_combine()
    {
        var yaml = Break("    answer-set: disclosure\n        weight: 1.5", "    answer-set: disclosure\n        combine: max\n        weight: 1.5");

        SingleError(yaml, "combine: max", "board-oversight", "an item has no children to combine");
    }

    [Fact]
    public void Every_item_lies_under_a_node_of_the_total_level()
    {
        var yaml = Break("""
              - key: licensing-use
                level: section
                title: { en: Licensing and use, zh-Hans: 许可和使用 }
                children:
                  - key: end-use-controls
                    level: element
                    title: { en: Are there end-use controls?, zh-Hans: 是否有最终用途控制？ }
                    answer-set: disclosure
            """, """
              - key: licensing-use
                level: section
                title: { en: Licensing and use, zh-Hans: 许可和使用 }
                children:
                  - { key: x, level: element, title: { en: X, zh-Hans: X }, answer-set: disclosure }
              - key: end-use-controls
                level: element
                title: { en: Are there end-use controls?, zh-Hans: 是否有最终用途控制？ }
                answer-set: disclosure
            """);

        SingleError(yaml, "- key: end-use-controls", "end-use-controls", "the item counts toward no total: it has no ancestor of level 'section'");
    }

    [Theory]
    [InlineData("over: sektion", "level 'sektion' does not exist")]
    [InlineData("over: element", "'over' must name a level above the item level 'element'")]
    public void The_total_is_over_an_existing_level_above_the_items(string over, string message)
    {
        var yaml = Break("over: section", over);

        SingleError(yaml, over, "total", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Weights_are_greater_than_zero(string weight)
    {
        var yaml = Break("weight: 2", $"weight: {weight}");

        SingleError(yaml, $"weight: {weight}", "governance", "weight must be greater than 0");
    }

    // Answer options

    [Theory]
    [InlineData("score: 101")]
    [InlineData("score: -5")]
    public void Option_scores_are_between_0_and_100(string score)
    {
        var yaml = Break("score: 50", score);

        SingleError(yaml, score, "partial", "is not between 0 and 100");
    }

    [Fact]
    public void An_option_has_a_score_or_is_excluded_not_both()
    {
        var yaml = Break("excluded: true", "excluded: true, score: 0");

        SingleError(yaml, "not-applicable", "not-applicable", "an option has either a score or 'excluded: true', not both");
    }

    [Fact]
    public void An_option_has_a_score_or_is_excluded()
    {
        var yaml = Break(", score: 50", "");

        SingleError(yaml, "key: partial", "partial", "an option needs a score from 0 to 100 or 'excluded: true'");
    }

    [Fact]
    public void Excluded_false_still_needs_a_score()
    {
        var yaml = Break(", score: 50", ", excluded: false");

        SingleError(yaml, "key: partial", "partial", "an option needs a score");
    }

    [Fact]
    public void An_answer_set_needs_a_scored_option()
    {
        var yaml = Break("""
                  - { key: "yes", title: { en: "Yes", zh-Hans: "是" }, score: 100 }
                  - { key: "no", title: { en: "No", zh-Hans: "否" }, score: 0 }
            levels:
            """, """
                  - { key: "n-a", title: { en: "N/A", zh-Hans: "不适用" }, excluded: true }
            levels:
            """);

        SingleError(yaml, "key: \"n-a\"", "yes-no", "answer set 'yes-no' has no scored option");
    }

    // Components

    [Fact]
    public void Service_scoring_needs_components()
    {
        var yaml = Break("components:\n  combine: mean\n", "");

        SingleError(yaml, "scoring-level: both", "policy-commitment", "scoring-level 'both' needs a top-level 'components' section");
    }

    [Fact]
    public void Company_scoring_does_not_need_components()
    {
        var yaml = Replace(Break("components:\n  combine: mean\n", ""), "scoring-level: both", "scoring-level: company");

        Assert.True(MethodologyLoader.Parse(yaml, "ok.yaml").Succeeded);
    }

    [Fact]
    public void A_scoring_level_is_set_once_on_a_branch()
    {
        var yaml = Break("answer-set: yes-no\n            reversed: true", "answer-set: yes-no\n            reversed: true\n            scoring-level: service");

        SingleError(yaml, "scoring-level: service", "sells-to-police", "scoring-level is already set by ancestor 'policy-commitment'");
    }

    // Conditions

    [Fact]
    public void A_condition_item_must_exist()
    {
        var yaml = Break("item: end-use-controls", "item: end-use-control");

        SingleError(yaml, "item: end-use-control", "no-end-use-controls", "item 'end-use-control' does not exist");
    }

    [Fact]
    public void A_condition_item_must_be_an_item()
    {
        var yaml = Break("item: end-use-controls", "item: licensing-use");

        SingleError(yaml, "item: licensing-use", "no-end-use-controls", "'licensing-use' is not an item");
    }

    [Fact]
    public void Answer_in_options_must_be_in_the_items_answer_set()
    {
        var yaml = Break("answer-in: [\"no\"]", "answer-in: [\"no\", maybe]");

        SingleError(yaml, "maybe", "no-end-use-controls", "option 'maybe' is not in answer set 'disclosure' of item 'end-use-controls'");
    }

    [Fact]
    public void A_condition_attribute_must_exist()
    {
        var yaml = Break("- attribute: exposure-type", "- attribute: exposure");

        SingleError(yaml, "- attribute: exposure", "no-end-use-controls", "subject attribute 'exposure' does not exist");
    }

    [Fact]
    public void A_condition_attribute_value_must_be_an_option()
    {
        var yaml = Break("when: { attribute: exposure-type, in: [\"1\"] }", "when: { attribute: exposure-type, in: [\"4\"] }");

        SingleError(yaml, "in: [\"4\"]", "tiers", "'4' is not an option of subject attribute 'exposure-type'");
    }

    [Fact]
    public void A_condition_node_must_exist()
    {
        var yaml = Break("node: policy-commitment", "node: policy");

        SingleError(yaml, "node: policy", "no-end-use-controls", "node 'policy' does not exist");
    }

    [Fact]
    public void A_condition_has_exactly_one_form()
    {
        var yaml = Break("- total-below: 30", "- { total-below: 30, node: governance, below: 10 }");

        SingleError(yaml, "total-below: 30", "no-end-use-controls", "a condition has exactly one of");
    }

    [Fact]
    public void A_condition_form_takes_only_its_own_fields()
    {
        var yaml = Break("- total-below: 30", "- { total-below: 30, in: [\"1\"] }");

        SingleError(yaml, "total-below: 30", "no-end-use-controls", "unknown field 'in' in a 'total-below' condition");
    }

    [Fact]
    public void A_condition_score_is_between_0_and_100()
    {
        var yaml = Break("- total-below: 30", "- total-below: 130");

        SingleError(yaml, "total-below: 130", "no-end-use-controls", "total-below must be a score from 0 to 100");
    }

    // Tiers

    [Fact]
    public void Thresholds_must_not_be_empty()
    {
        var yaml = Break("""
              thresholds:
                - when: { attribute: exposure-type, in: ["1"] }
                  tier-1-min: 80
                  tier-2-min: 55
                - tier-1-min: 70
                  tier-2-min: 40
            """, """
              thresholds: []
            """);

        SingleError(yaml, "thresholds: []", "tiers", "thresholds must not be empty");
    }

    [Fact]
    public void Only_the_last_threshold_has_no_when()
    {
        var yaml = Break("    - when: { attribute: exposure-type, in: [\"1\"] }\n      tier-1-min: 80", "    - tier-1-min: 80");

        SingleError(yaml, "tier-1-min: 80", "tiers", "only the last threshold may have no 'when'");
    }

    [Fact]
    public void The_last_threshold_has_no_when()
    {
        var yaml = Break("    - tier-1-min: 70", "    - when: { total-below: 50 }\n      tier-1-min: 70");

        SingleError(yaml, "when: { total-below: 50 }", "tiers", "the last threshold must have no 'when'");
    }

    [Theory]
    [InlineData("tier-1-min: 70\n      tier-2-min: 80", "tier-1-min: 70")]
    [InlineData("tier-1-min: 110\n      tier-2-min: 40", "tier-1-min: 110")]
    [InlineData("tier-1-min: 70\n      tier-2-min: -1", "tier-1-min: 70")]
    public void Thresholds_are_in_order_within_0_and_100(string thresholds, string line)
    {
        var yaml = Break("tier-1-min: 70\n      tier-2-min: 40", thresholds);

        SingleError(yaml, line, "tiers", "thresholds must satisfy 0 <= tier-2-min <= tier-1-min <= 100");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_red_flag_floor_is_2_or_3(int floor)
    {
        var yaml = Break("floor: 3\n      source", $"floor: {floor}\n      source");

        SingleError(yaml, $"floor: {floor}", "no-end-use-controls", $"floor must be 2 or 3 (the best tier it allows), not {floor}");
    }

    [Fact]
    public void A_red_flag_needs_a_condition()
    {
        var yaml = Break("""
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

            """, "");

        SingleError(yaml, "- key: no-end-use-controls", "no-end-use-controls", "'when' is required");
    }

    [Fact]
    public void A_severity_floor_is_2_or_3()
    {
        var yaml = Break("{ min-severity: 4, floor: 2 }", "{ min-severity: 4, floor: 1 }");

        SingleError(yaml, "min-severity: 4", "tiers", "floor must be 2 or 3");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    public void A_severity_floor_min_severity_is_1_to_5(string severity)
    {
        var yaml = Break("{ min-severity: 4, floor: 2 }", $"{{ min-severity: {severity}, floor: 2 }}");

        SingleError(yaml, $"min-severity: {severity}", "tiers", $"min-severity must be from 1 to 5, not {severity}");
    }

    [Fact]
    public void Severity_floors_need_impacts()
    {
        var yaml = Break("impacts:\n  severity:\n    formula: max\n    severe-at: 4\n    irremediable-at: 4\n  likelihood: true\n", "");

        SingleError(yaml, "- { min-severity: 4", "tiers", "severity floors need an 'impacts' section");
    }

    // Decisions and impacts

    [Fact]
    public void A_decision_tier_is_1_to_3()
    {
        var yaml = Break("{ tier: 3, decision: exclude", "{ tier: 4, decision: exclude");

        SingleError(yaml, "tier: 4", "decisions", "tier must be 1, 2 or 3, not 4");
    }

    [Fact]
    public void A_tier_has_at_most_one_decision()
    {
        var yaml = Break("{ tier: 3, decision: exclude", "{ tier: 2, decision: exclude");

        SingleError(yaml, "decision: exclude", "decisions", "tier 2 has more than one decision");
    }

    [Fact]
    public void A_decision_is_invest_engage_or_exclude()
    {
        var yaml = Break("decision: exclude", "decision: divest");

        SingleError(yaml, "decision: divest", "decisions", "decision 'divest' is not one of invest, engage, exclude");
    }

    [Fact]
    public void The_severity_formula_is_max_or_mean()
    {
        var yaml = Break("formula: max", "formula: sum");

        SingleError(yaml, "formula: sum", "impacts", "formula 'sum' is not one of max, mean");
    }

    [Theory]
    [InlineData("severe-at: 4", "severe-at: 0")]
    [InlineData("irremediable-at: 4", "irremediable-at: 9")]
    public void Severity_thresholds_are_1_to_5(string find, string replacement)
    {
        var yaml = Break(find, replacement);

        SingleError(yaml, replacement, "impacts", "must be from 1 to 5");
    }

    // Sources

    [Fact]
    public void A_node_source_must_exist()
    {
        var yaml = Break("source: seed-001\n      - key: policy-commitment", "source: seed-002\n      - key: policy-commitment");

        SingleError(yaml, "source: seed-002", "board-oversight", "source 'seed-002' does not exist in 'sources'");
    }

    [Fact]
    public void A_red_flag_source_must_exist()
    {
        var yaml = Break("source: seed-001\n      when:", "source: seed-009\n      when:");

        SingleError(yaml, "source: seed-009", "no-end-use-controls", "source 'seed-009' does not exist in 'sources'");
    }

    // All errors at once

    [Fact]
    public void Every_error_of_a_file_is_reported_in_line_order()
    {
        var yaml = Methodology;
        yaml = Replace(yaml, "version: 1.2.0", "version: 1.2");
        yaml = Replace(yaml, "score: 50", "score: 150");
        yaml = Replace(yaml, "answer-set: disclosure\n        weight: 1.5", "answer-set: disclsure\n        weight: 1.5");
        yaml = Replace(yaml, "weight: 2", "weight: 0");
        yaml = Replace(yaml, "decision: exclude", "decision: divest");
        yaml = Replace(yaml, "source: seed-001\n      when:", "source: seed-009\n      when:");

        var errors = Errors(yaml);

        Assert.Equal(
            [
                (LineOf(yaml, "version: 1.2"), "version"),
                (LineOf(yaml, "score: 150"), "partial"),
                (LineOf(yaml, "weight: 0"), "governance"),
                (LineOf(yaml, "disclsure"), "board-oversight"),
                (LineOf(yaml, "seed-009"), "no-end-use-controls"),
                (LineOf(yaml, "divest"), "decisions"),
            ],
            errors.Select(error => (error.Line, error.Key)));
    }
}
