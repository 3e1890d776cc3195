using GrievanceDesk.Domain.Cases;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>集体访: five or more people make a collective petition, and it is urgent (docs/product.md §3).</summary>
public sealed class CollectiveUrgencyTests
{
    [Theory]
    [InlineData(1, Urgency.Normal, Urgency.Normal)]
    [InlineData(4, Urgency.Normal, Urgency.Normal)]
    [InlineData(5, Urgency.Normal, Urgency.Urgent)]
    [InlineData(30, Urgency.Normal, Urgency.Urgent)]
    [InlineData(1, Urgency.Urgent, Urgency.Urgent)]
    public void A_collective_petition_is_urgent_whatever_was_asked(int headCount, Urgency asked, Urgency expected)
    {
        Case.UrgencyOf(headCount, asked).ShouldBe(expected);
        Case.IsCollectiveHeadCount(headCount).ShouldBe(headCount >= Case.CollectiveHeadCount);
    }
}
