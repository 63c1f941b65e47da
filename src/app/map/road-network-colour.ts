/** Colour of the road network in use: violet, apart from the basemap's road colours, the zoning and the site kinds. Pure data, safe outside `map/` (the legend uses it). */
export const roadNetworkColour = "#7b2cbf";
