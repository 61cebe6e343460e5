using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;
using Rightscope.Features.Remedy;

namespace Rightscope.Tests.Core.Remedy;

/// <summary>The violation types of triage: the defender questionnaire's list, stored as a canonical JSON list.</summary>
public sealed class ViolationTypeTests
{
    [Fact]
    public void The_types_are_the_violation_list_of_the_defender_questionnaire_in_its_order()
    {
        var question = Questionnaire.For(QuestionnaireKind.DefenderIncident).Single(q => q.Key == "violation");

        Assert.Equal(question.Choices, Enum.GetValues<ViolationType>().Select(v => v.ToCode()));
        Assert.All(Enum.GetValues<ViolationType>(), v => Assert.Equal(v, ViolationTypeCodes.FromCode(v.ToCode())));
        Assert.Null(ViolationTypeCodes.FromCode(Questionnaire.PreferNotToSay));
        Assert.Null(ViolationTypeCodes.FromCode(null));
    }

    [Property(MaxTest = 200)]
    public Property A_stored_list_reads_back_as_the_distinct_types_in_list_order_and_fits_its_column() =>
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<ViolationType>()).ListOf().ToArbitrary(),
            chosen =>
            {
                var json = ViolationTypeList.Write(chosen);
                return ViolationTypeList.Read(json).SequenceEqual(chosen.Distinct().Order())
                    && ViolationTypeList.Write(Enumerable.Reverse(chosen)) == json
                    && json.Length <= ViolationTypeList.MaxJsonLength;
            });

    [Fact]
    public void Names_no_longer_on_the_list_are_left_out_when_read()
    {
        Assert.Equal([ViolationType.Spyware], ViolationTypeList.Read("""["Beheading","Spyware","Spyware"]"""));
        Assert.Empty(ViolationTypeList.Read(""));
    }
}
