using GrievanceDesk.Reports.Layout;

namespace GrievanceDesk.Reports.Tests;

public sealed class LineBreakerTests
{
    // Every character ten points wide: widths in the assertions are then easy to count.
    private static List<string> Wrap(string text, double width) => LineBreaker.Wrap(text, width, s => s.Length * 10);

    [Fact]
    public void Chinese_text_breaks_between_any_two_characters() =>
        Wrap("住房和城乡建设委员会", 40).ShouldBe(["住房和城", "乡建设委", "员会"]);

    [Fact]
    public void Latin_words_and_numbers_stay_whole() =>
        Wrap("call 12345 hotline now", 80).ShouldBe(["call", "12345", "hotline", "now"]);

    [Fact]
    public void Latin_word_inside_Chinese_text_moves_whole_to_the_next_line() =>
        Wrap("拨打12345热线", 50).ShouldBe(["拨打", "12345", "热线"]);

    [Fact]
    public void Closing_punctuation_never_starts_a_line() =>
        Wrap("电梯故障，无人维修。", 40).ShouldBe(["电梯故", "障，无人", "维修。"]);

    [Fact]
    public void Opening_punctuation_never_ends_a_line() =>
        Wrap("中止（暂停）件", 30).ShouldBe(["中止", "（暂", "停）件"]);

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_letters() =>
        Wrap("abcdefgh", 30).ShouldBe(["abc", "def", "gh"]);

    [Fact]
    public void A_tracking_number_wider_than_the_line_breaks_after_its_hyphens() =>
        Wrap("XF-20250301-0001", 100).ShouldBe(["XF-", "20250301-", "0001"]);

    [Fact]
    public void Hard_line_breaks_are_kept() =>
        Wrap("第一行\n第二行", 100).ShouldBe(["第一行", "第二行"]);
}
