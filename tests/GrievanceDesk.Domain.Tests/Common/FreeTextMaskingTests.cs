using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.Tests.Common;

/// <summary>The free-text masking policy over hostile strings: every shape people type a number or a name in.</summary>
public sealed class FreeTextMaskingTests
{
    private static readonly string[] Complainants = ["张伟", "欧阳娜娜", "李四"];

    /// <summary>The whole number, without separators: no masked text may still contain its middle digits.</summary>
    public static TheoryData<string, string> Numbers => new()
    {
        { "张伟等5人反映欠薪（电话139 1234 5678）", "13912345678" },
        { "电话13912345678", "13912345678" },
        { "电话139-1234-5678", "13912345678" },
        { "电话139 1234 5678。", "13912345678" },
        { "电话 1391234 5678", "13912345678" },
        { "电话139.1234.5678", "13912345678" },
        { "电话1 3 9 1 2 3 4 5 6 7 8", "13912345678" },
        { "电话+86 139 1234 5678", "13912345678" },
        { "电话+8613912345678", "13912345678" },
        { "电话+86-139-1234-5678", "13912345678" },
        { "电话0086 13912345678", "13912345678" },
        { "电话8613912345678", "13912345678" },
        { "电话＋86 139 1234 5678", "13912345678" },
        { "电话139－1234－5678", "13912345678" },
        { "电话139\u30001234\u30005678", "13912345678" },
        { "电话139—1234—5678", "13912345678" },
        { "电话１３９１２３４５６７８", "１３９１２３４５６７８" },
        { "手机:13912345678,座机:010-62345678", "13912345678" },
        { "手机:13912345678,座机:010-62345678 ", "01062345678" },
        { "座机010-12345678", "01012345678" },
        { "座机010 1234 5678", "01012345678" },
        { "座机(010)12345678", "01012345678" },
        { "座机（010）12345678", "01012345678" },
        { "座机0755-8888 6666转123", "075588886666" },
        { "座机021-6234-5678", "02162345678" },
        { "座机62345678", "62345678" },
        { "身份证110101199003071234", "110101199003071234" },
        { "身份证11010119900307123X", "11010119900307123X" },
        { "身份证11010119900307123x", "11010119900307123x" },
        { "身份证110101 19900307 1234", "110101199003071234" },
        { "身份证110101-19900307-123X", "110101199003071234" },
        { "身份证 1101 0119 9003 0712 34", "110101199003071234" },
        { "号码13912345678和13987654321", "13987654321" },
        { "(13912345678)", "13912345678" },
        { "13912345678", "13912345678" },
        { "电话：13912345678；", "13912345678" },
        { "QQ 123456789", "123456789" },
        { "银行卡6222021234567890123", "6222021234567890123" },
        { "tel:+86(139)1234-5678", "13912345678" },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void No_form_of_a_number_survives(string text, string number)
    {
        var masked = FreeTextMasking.Mask(text, Complainants);

        var middle = number[3..^4];
        DigitsOf(masked).Contains(DigitsOf(middle), StringComparison.Ordinal).ShouldBeFalse($"{text} → {masked}");
    }

    public static TheoryData<string, string> Names => new()
    {
        { "张伟等5人反映欠薪", "张伟" },
        { "张 伟反映欠薪", "张伟" },
        { "张\u3000伟反映欠薪", "张伟" },
        { "诉求人张伟称", "张伟" },
        { "欧阳娜娜多次来电", "欧阳娜娜" },
        { "李四、张伟反映", "李四" },
        { "王小明等5人反映欠薪", "王小明" },
        { "王芳等五人反映欠薪", "王芳" },
        { "村民刘洋等12人集体来访", "刘洋" },
        { "业主陈静等人反映", "陈静" },
        { "赵某某等30人反映", "赵某某" },
        { "关于孙丽等3名职工的欠薪", "孙丽" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void No_name_survives(string text, string name)
    {
        var masked = FreeTextMasking.Mask(text, Complainants);

        masked.Contains(name, StringComparison.Ordinal).ShouldBeFalse($"{text} → {masked}");
    }

    [Theory]
    [InlineData("张伟等5人反映欠薪（电话139 1234 5678）", "张*等5人反映欠薪（电话139****5678）")]
    [InlineData("村民刘洋等12人集体来访", "村民刘*等12人集体来访")]
    [InlineData("身份证11010119900307123X", "身份证110***********123X")]
    [InlineData("座机010-12345678", "座机010****5678")]
    [InlineData("欧阳娜娜多次来电", "欧***多次来电")]
    public void Masks_show_the_surname_and_the_ends_of_a_number(string text, string expected)
    {
        FreeTextMasking.Mask(text, Complainants).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-11-28 10:00来电反映路灯不亮")]
    [InlineData("小区3号楼2单元502室漏水")]
    [InlineData("欠薪金额约12万元，涉及5人")]
    [InlineData("12345热线转办")]
    [InlineData("")]
    public void Text_without_personal_data_is_left_as_it_is(string text)
    {
        FreeTextMasking.Mask(text, Complainants).ShouldBe(text);
    }

    [Fact]
    public void Null_gives_empty()
    {
        FreeTextMasking.Mask(null).ShouldBe(string.Empty);
    }

    private static string DigitsOf(string text) =>
        new([.. text.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c)))]);
}
