using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Domain.Tests.Cases;

public sealed class ContentSimilarityTests
{
    [Fact]
    public void Identical_texts_score_one()
    {
        ContentSimilarity.Score("小区楼下餐馆油烟扰民", "小区楼下餐馆油烟扰民").ShouldBe(1);
    }

    [Fact]
    public void Punctuation_and_whitespace_are_ignored()
    {
        ContentSimilarity.Score("小区楼下，餐馆油烟 扰民！", "小区楼下餐馆油烟扰民").ShouldBe(1);
    }

    [Fact]
    public void Unrelated_texts_score_zero()
    {
        ContentSimilarity.Score("小区楼下餐馆油烟扰民", "工资被拖欠三个月").ShouldBe(0);
    }

    [Fact]
    public void Score_is_the_Jaccard_index_of_the_bigrams()
    {
        // 油烟扰民 → {油烟, 烟扰, 扰民}; 油烟很大 → {油烟, 烟很, 很大}: 1 shared of 5.
        ContentSimilarity.Score("油烟扰民", "油烟很大").ShouldBe(0.2, tolerance: 1e-9);
    }

    [Fact]
    public void A_retelling_of_the_same_problem_scores_higher_than_a_different_problem_at_the_same_place()
    {
        const string original = "幸福小区3号楼楼下餐馆每天晚上排放油烟，影响居民休息";
        var retold = ContentSimilarity.Score(original, "幸福小区3号楼下的餐馆晚上油烟很大，影响休息");
        var different = ContentSimilarity.Score(original, "幸福小区3号楼电梯经常故障，物业不维修");

        retold.ShouldBeGreaterThan(different);
        retold.ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public void Score_is_symmetric_and_ignores_letter_case()
    {
        ContentSimilarity.Score("ABC小区噪声", "abc小区噪声").ShouldBe(1);
        ContentSimilarity.Score("油烟扰民", "油烟很大").ShouldBe(ContentSimilarity.Score("油烟很大", "油烟扰民"));
    }

    [Theory]
    [InlineData(null, "油烟")]
    [InlineData("", "油烟")]
    [InlineData("，。！", "油烟")]
    public void Empty_text_scores_zero(string? a, string b)
    {
        ContentSimilarity.Score(a, b).ShouldBe(0);
    }

    [Fact]
    public void A_single_character_counts_as_itself()
    {
        ContentSimilarity.Score("水", "水").ShouldBe(1);
    }
}
