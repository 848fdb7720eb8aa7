#include "core/evidence.h"

#include <gtest/gtest.h>

#include <string>

namespace grassroots::core {
namespace {

const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
const std::string kPdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";

TEST(EvidenceFile, TheBytesDecideTheTypeNotTheName) {
  EXPECT_EQ(CheckEvidenceFile("photo.pdf", kPng).value(), "image/png");
  EXPECT_EQ(CheckEvidenceFile("scan.png", kPdf).value(), "application/pdf");
  EXPECT_EQ(SniffEvidenceType("\xFF\xD8\xFF\xE0 jfif"), "image/jpeg");
  const std::string docx =
      std::string("PK\x03\x04", 4) + "....[Content_Types].xml...word/document.xml";
  EXPECT_EQ(SniffEvidenceType(docx),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

TEST(EvidenceFile, AnExecutableNamedLikeAPhotoIsRefused) {
  auto checked = CheckEvidenceFile("photo.jpg", "MZ\x90\0 this is a program");
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().reason, "evidence_type_unsupported");
  EXPECT_EQ(checked.error().field, "file");
  auto zip = CheckEvidenceFile("notes.docx", std::string("PK\x03\x04", 4) + "just a zip");
  ASSERT_FALSE(zip.ok());
  EXPECT_EQ(zip.error().reason, "evidence_type_unsupported");
}

TEST(EvidenceFile, EmptyAndOversizeFilesAreRefused) {
  EXPECT_EQ(CheckEvidenceFile("a.png", "").error().reason, "evidence_empty");
  std::string big = kPng + std::string(kMaxEvidenceBytes, 'x');
  auto checked = CheckEvidenceFile("a.png", big);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().reason, "evidence_too_large");
  EXPECT_EQ(checked.error().params.at(0).second, std::to_string(kMaxEvidenceBytes));
}

TEST(EvidenceFile, NamesThatCouldBePathsAreRefused) {
  for (const char* name :
       {"../../etc/passwd", "..", ".", "a/b.png", "a\\b.png", "C:x.png", "", "line\nbreak.png"}) {
    auto checked = CheckEvidenceFile(name, kPng);
    ASSERT_FALSE(checked.ok()) << name;
    EXPECT_EQ(checked.error().reason, "evidence_name_invalid") << name;
  }
  EXPECT_TRUE(CheckEvidenceFile("整改照片 (1).png", kPng).ok());
  EXPECT_TRUE(CheckEvidenceFile("..hidden.png", kPng).ok());
}

TEST(EvidenceFile, ImagesShowInlineOtherFilesDownload) {
  EXPECT_TRUE(IsInlineEvidenceType("image/png"));
  EXPECT_FALSE(IsInlineEvidenceType("application/pdf"));
}

}  // namespace
}  // namespace grassroots::core
