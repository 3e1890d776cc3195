using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Domain.Tests.Cases;

public class AssignmentPolicyTests
{
    private static readonly Unit AutoAssigning = new("U1", "城管局", null, autoAssign: true);
    private static readonly Unit LeaderAssigns = new("U2", "住建局", null, autoAssign: false);

    [Fact]
    public void The_cadre_with_the_fewest_open_cases_gets_the_case()
    {
        AssignmentPolicy.ChooseCadre(AutoAssigning, [new("zhang", 4), new("li", 1), new("wang", 2)]).ShouldBe("li");
    }

    [Fact]
    public void A_tie_goes_to_the_first_user_name_in_ordinal_order_whatever_the_order_read()
    {
        AssignmentPolicy.ChooseCadre(AutoAssigning, [new("wang", 0), new("Zhao", 0), new("li", 0)]).ShouldBe("Zhao");
        AssignmentPolicy.ChooseCadre(AutoAssigning, [new("li", 0), new("wang", 0), new("Zhao", 0)]).ShouldBe("Zhao");
    }

    [Fact]
    public void A_unit_that_does_not_auto_assign_leaves_the_case_to_its_leader()
    {
        AssignmentPolicy.ChooseCadre(LeaderAssigns, [new("li", 0)]).ShouldBeNull();
    }

    [Fact]
    public void A_unit_without_cadres_assigns_nobody()
    {
        AssignmentPolicy.ChooseCadre(AutoAssigning, []).ShouldBeNull();
    }
}
