using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Domain.Tests.Common;

/// <summary>拼音首字母 from the GB2312 order of level-1 hanzi, for type-ahead at intake.</summary>
public sealed class PinyinInitialsTests
{
    [Theory]
    [InlineData("物业管理", "wygl")]
    [InlineData("城乡建设", "cxjs")]
    [InlineData("劳动社保", "ldsb")]
    [InlineData("欠薪", "qx")]
    [InlineData("环境保护", "hjbh")]
    [InlineData("噪声", "zs")]
    [InlineData("市场监管", "scjg")]
    [InlineData("教育", "jy")]
    [InlineData("医疗卫生", "ylws")]
    [InlineData("交通运输", "jtys")]
    [InlineData("涉法涉诉", "sfss")]
    [InlineData("干部作风", "gbzf")]
    [InlineData("征地拆迁", "zdcq")]
    [InlineData("湖滨社区", "hbsq")]
    [InlineData("啊阿埃", "aaa")]
    [InlineData("座做", "zz")]
    [InlineData("12345热线", "12345rx")]
    [InlineData("城乡建设 / 物业管理（综合）", "cxjswyglzh")]
    [InlineData("", "")]
    public void A_name_gives_the_first_letters_of_its_syllables(string name, string initials) =>
        PinyinInitials.Of(name).ShouldBe(initials);

    [Fact]
    public void A_level_two_hanzi_ordered_by_radical_gets_no_letter_rather_than_a_wrong_one() =>
        PinyinInitials.Of("亍").ShouldBe(string.Empty);
}
