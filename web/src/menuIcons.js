// The icons a route's meta.menu.icon may name. Icons are imported where they are used (not all
// of @element-plus/icons-vue registered globally), and a menu entry names its icon as a string,
// so the menu's icons are listed here: add the one a new menu entry needs.
import {
  Checked,
  ChatDotRound,
  DataAnalysis,
  Document,
  EditPen,
  Flag,
  Message,
  Notebook,
  Odometer,
  OfficeBuilding,
  Operation,
  Switch,
  Tickets,
  User,
  UserFilled,
} from '@element-plus/icons-vue'

export const MENU_ICONS = {
  Checked,
  ChatDotRound,
  DataAnalysis,
  Document,
  EditPen,
  Flag,
  Message,
  Notebook,
  Odometer,
  OfficeBuilding,
  Operation,
  Switch,
  Tickets,
  User,
  UserFilled,
}
