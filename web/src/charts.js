// ECharts, imported piece by piece to keep the bundle small. Register here every chart type
// and component a page uses; EChart.vue renders with this instance.
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts'
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
])

// Grade colours used on every chart: A green ... D red.
export const GRADE_COLORS = { A: '#2e7d32', B: '#1976d2', C: '#f9a825', D: '#c62828' }

export { echarts }
