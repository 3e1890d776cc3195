using System.Reflection;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Domain.Tests.ReferenceData;

/// <summary>The rules of the reference trees: no unit or region is its own ancestor; categories have two levels.</summary>
public sealed class ReferenceTreeTests
{
    private static T WithId<T>(T node, int id)
    {
        typeof(TreeNode).GetProperty(nameof(TreeNode.Id))!.SetValue(node, id);
        return node;
    }

    [Fact]
    public void A_region_cannot_move_under_itself_or_below_itself()
    {
        var street = WithId(new Region("JD01", "某街道", 1), 10);

        Should.Throw<DomainRuleException>(() => street.Update("JD01", "某街道", 10, [10, 1], true)).Rule.ShouldBe("region-cycle");
        Should.Throw<DomainRuleException>(() => street.Update("JD01", "某街道", 100, [100, 10, 1], true)).Rule.ShouldBe("region-cycle");
        street.ParentId.ShouldBe(1);
    }

    [Fact]
    public void A_region_moves_under_another_branch_or_to_the_top()
    {
        var street = WithId(new Region("JD01", "某街道", 1), 10);

        street.Update("JD01", "某街道（新）", 20, [20, 1], isActive: true);
        street.ParentId.ShouldBe(20);
        street.Name.ShouldBe("某街道（新）");

        street.Update("JD01", "某街道（新）", null, [], isActive: false);
        street.ParentId.ShouldBeNull();
        street.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void A_category_with_subcategories_stays_top_level()
    {
        var top = WithId(new Category("CSJS", "城乡建设", null), 1);

        Should.Throw<DomainRuleException>(() => top.Update("CSJS", "城乡建设", 2, hasSubcategories: true, isActive: true)).Rule.ShouldBe("category-depth");
        top.ParentId.ShouldBeNull();

        top.Update("CSJS", "城乡建设", 2, hasSubcategories: false, isActive: true);
        top.ParentId.ShouldBe(2);
    }

    [Fact]
    public void Only_a_top_level_category_can_be_a_parent()
    {
        Category.MayBeParent(parentOfParent: null).ShouldBeTrue();
        Category.MayBeParent(parentOfParent: 1).ShouldBeFalse();
    }
}
