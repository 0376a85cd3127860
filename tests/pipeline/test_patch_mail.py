"""Mail of developers' lists: a patch's trailers ("Reviewed-by: ...") are no sign-off, the diff
below the words is no block unless a signature follows it, an epigram above the list's footer
closes the text, and a title set in a column beside the name is read. Every mail here is
invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract

SENDER = Author("Ines Korhonen", "ines.korhonen@nordlicht.example")
PATCH = (" drivers/net/wireless/example/dma.c | 5 +++++\n 1 file changed, 5 insertions(+)\n\n"
         "diff --git a/drivers/net/wireless/example/dma.c b/drivers/net/wireless/example/dma.c\n"
         "index 05d9ab3ce819..5af666f03398 100644\n--- a/drivers/net/wireless/example/dma.c\n"
         "+++ b/drivers/net/wireless/example/dma.c\n@@ -53,6 +53,11 @@ alloc_txwi(struct dev *dev)\n"
         "+\tif (unlikely(dma_mapping_error(dev->dma_dev, addr))) {\n+\t\tkfree(txwi);\n+\t}\n")


def _extract(text: str, finders: tuple[Finder, ...]):  # noqa: ANN202 - the pipeline's result
    return extract(Part(SENDER, text, 0), finders)


@pytest.mark.parametrize("trailer", ["Reviewed-by", "Acked-by", "Tested-by", "Signed-off-by"])
def test_a_patch_trailer_is_no_sign_off(trailer: str, finders: tuple[Finder, ...]) -> None:
    text = f"Thanks for taking care of this.\n\n{trailer}: Ines Korhonen <ines.korhonen@nordlicht.example>\n"
    assert not _extract(text, finders).has_signature


def test_a_patchs_link_and_fixes_trailers_are_no_block(finders: tuple[Finder, ...]) -> None:
    text = ("Jump to the exit label instead.\n\nFixes: 68e12e5f6135 (\"scsi: fix the lookup\")\n"
            "Link: https://lore.example.org/r/20200615081226.183068-1@nordlicht.example\n"
            "Signed-off-by: Ines Korhonen <ines.korhonen@nordlicht.example>\n")
    assert not _extract(text, finders).has_signature


def test_the_diff_below_a_patch_is_no_block(finders: tuple[Finder, ...]) -> None:
    text = ("Add the missing mapping check.\n\n"
            f"Signed-off-by: Ines Korhonen <ines.korhonen@nordlicht.example>\n---\n{PATCH}-- \n2.41.0\n")
    found = _extract(text, finders)
    assert not found.has_signature and found.fields["street_address"] is None


def test_a_signature_below_the_diff_is_still_read(finders: tuple[Finder, ...]) -> None:
    text = (f"Add the missing mapping check.\n\n---\n{PATCH}-- \nInes Korhonen\nNordlicht Oy\n"
            "Teollisuustie 7, 70701 Kuopio\nPuh. +358 17 555 2810\n")
    found = _extract(text, finders)
    assert (found.fields["last_name"], found.fields["city"]) == ("Korhonen", "Kuopio")


def test_an_epigram_above_the_list_footer_closes_the_text(finders: tuple[Finder, ...]) -> None:
    text = ("The fix is in the next pull request.\n\nBest regards,\n\nInes Korhonen\n\n-- \n"
            "Nordlicht Oy,      Toimitusjohtaja: Ines Korhonen\nTeollisuustie 7, 70701 Kuopio, Finland\n"
            "Puh. +358 17 555 2810\nEveryone is a moon, and has a dark side.\n"
            "                                   - Mark Twain\n"
            "_______________________________________________\nexample-devel mailing list\n"
            "example-devel@lists.example.org\nhttps://lists.example.org/listinfo/example-devel\n")
    found = _extract(text, finders)
    assert (found.fields["first_name"], found.fields["city"]) == ("Ines", "Kuopio")


@pytest.mark.parametrize(("gap", "title"), [("                ", "Kernel Storage Architect"),
                                            ("\t\t", "Leitende Entwicklerin")])
def test_a_title_in_a_column_beside_the_name_is_read(
    gap: str, title: str, finders: tuple[Finder, ...]
) -> None:
    text = ("I will fold your patch into the series.\n\nCheers,\n\nInes\n-- \n"
            f"Dr. Ines Korhonen{gap}{title}\n"
            "ines.korhonen@nordlicht.example                +358 17 555 2810\n"
            "Nordlicht Oy, Teollisuustie 7, 70701 Kuopio\n")
    assert _extract(text, finders).fields["job_title"] == title


def test_a_report_line_that_only_looks_like_a_patch_ends_nothing(finders: tuple[Finder, ...]) -> None:
    """"Index: DAX ..." and "--- summary ---" in business mail are the author's words."""
    text = ("Here are today's figures.\n\nIndex: DAX 15.230\n---\nsummary follows tomorrow\n\n"
            "Best regards,\nInes Korhonen\nNordlicht Oy\nTeollisuustie 7, 70701 Kuopio\n")
    found = _extract(text, finders)
    assert (found.fields["last_name"], found.fields["city"]) == ("Korhonen", "Kuopio")
