using GrievanceDesk.Domain.Cases;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>检举控告件: the complainant of a report is hidden from the unit reported on and the units above it.</summary>
public sealed class IdentityRuleTests
{
    public static TheoryData<CaseKind, int?, int> Cases => new()
    {
        { CaseKind.Report, Department, Department },
        { CaseKind.Report, Section, Department },
        { CaseKind.Report, Department, Section },
        { CaseKind.Report, Department, Street },
        { CaseKind.Report, null, Department },
        { CaseKind.Claim, Department, Department },
        { CaseKind.Suggestion, Section, Section },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_row_rule_the_query_filter_and_the_aggregate_agree(CaseKind kind, int? respondent, int viewerUnit)
    {
        var @case = new CaseScenario().Register(Intake(kind: kind, respondentUnitId: respondent));
        var viewer = Ancestry(viewerUnit);

        var hidden = Case.HidesIdentity(kind, respondent, viewer);

        @case.HidesIdentityFrom(viewer).ShouldBe(hidden);
        CaseStates.ShowsIdentityTo(viewer).Compile()(@case).ShouldBe(!hidden);
    }

    [Fact]
    public void A_report_is_hidden_from_the_unit_reported_on_and_above_it_only()
    {
        Case.HidesIdentity(CaseKind.Report, Section, Ancestry(Section)).ShouldBeTrue();
        Case.HidesIdentity(CaseKind.Report, Department, Ancestry(Section)).ShouldBeTrue();
        Case.HidesIdentity(CaseKind.Report, Section, Ancestry(Department)).ShouldBeFalse();
        Case.HidesIdentity(CaseKind.Report, Department, Ancestry(Community)).ShouldBeFalse();
        Case.HidesIdentity(CaseKind.Suggestion, Department, Ancestry(Department)).ShouldBeFalse();
    }
}
