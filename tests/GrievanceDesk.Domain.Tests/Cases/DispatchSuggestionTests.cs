using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>建议单位 in the dispatcher queue: never a unit that returned the case, never one the conflict guard forbids.</summary>
public sealed class DispatchSuggestionTests
{
    // District 1 → department 10 → office 100; district 1 → street 20.
    private static readonly Dictionary<int, int?> Parents = new() { [1] = null, [10] = 1, [100] = 10, [20] = 1 };

    private static int? Suggest(int? ruleUnit, int? respondent, params int[] returnedBy) =>
        DispatchSuggestion.Suggest(ruleUnit, respondent, returnedBy, id => Tree.Ancestry(id, Parents), id => Parents.GetValueOrDefault(id));

    [Fact]
    public void The_rules_unit_is_suggested_when_nothing_stands_against_it() => Suggest(10, null).ShouldBe(10);

    [Fact]
    public void No_rule_means_no_suggestion() => Suggest(null, null).ShouldBeNull();

    [Fact]
    public void A_unit_that_returned_the_case_is_never_suggested() => Suggest(10, null, 10).ShouldBeNull();

    [Fact]
    public void A_return_by_another_unit_does_not_hide_the_rules_unit() => Suggest(10, null, 20).ShouldBe(10);

    [Fact]
    public void The_conflict_guard_moves_the_suggestion_to_the_respondents_parent_as_routing_does() => Suggest(100, 10).ShouldBe(1);

    [Fact]
    public void The_respondents_parent_is_not_suggested_when_it_returned_the_case() => Suggest(100, 10, 1).ShouldBeNull();

    [Fact]
    public void A_root_respondent_leaves_no_lawful_unit_to_suggest() => Suggest(10, 1).ShouldBeNull();

    [Theory]
    [InlineData(100, DispatchExclusion.Conflict)]
    [InlineData(10, DispatchExclusion.Conflict)]
    [InlineData(20, DispatchExclusion.Returned)]
    [InlineData(1, DispatchExclusion.None)]
    public void Each_unit_is_offered_or_excluded_with_its_reason(int unit, DispatchExclusion expected) =>
        DispatchSuggestion.Exclusion(10, [20], Tree.Ancestry(unit, Parents)).ShouldBe(expected);
}
