#include "core/explanation.h"

namespace grassroots::core {

std::string_view ToString(ChangeSubject subject) {
  switch (subject) {
    case ChangeSubject::kScore:
      return "score";
    case ChangeSubject::kManual:
      return "manual";
    case ChangeSubject::kOrganization:
      return "organization";
  }
  return "score";
}

}  // namespace grassroots::core
